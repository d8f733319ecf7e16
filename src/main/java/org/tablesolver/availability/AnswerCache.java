package org.tablesolver.availability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.solve.LoadedDay;

/**
 * A bounded, least-recently-used store of answers by key. Keys name the exact stored state an answer was
 * computed from (a SHA-256 digest of the floor plan and the loaded day: bookings with their tables, versions
 * aside, active holds, blocks, pacing), so a reused answer is the answer a fresh check would give; any change,
 * an expired hold included, gives another key.
 */
final class AnswerCache<V> {

    private final int capacity;
    private final Map<String, V> entries;

    AnswerCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > AnswerCache.this.capacity;
            }
        };
    }

    synchronized V get(String key) {
        return capacity == 0 ? null : entries.get(key);
    }

    synchronized void put(String key, V value) {
        if (capacity > 0) {
            entries.put(key, value);
        }
    }

    synchronized void clear() {
        entries.clear();
    }

    static String key(FloorPlan plan, LoadedDay day, int partySize, int duration, String zone, LocalTime from,
                      LocalTime to) {
        String text = plan + "\n" + day.input() + "\n" + partySize + "/" + duration + "/" + zone + "/" + from + "/" + to;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return day.key() + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
