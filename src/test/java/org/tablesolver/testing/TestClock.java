package org.tablesolver.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The tests' clock ({@link TestSupportConfiguration} makes it the application's {@link Clock}): it starts at
 * {@link #START}, whatever the date and time of day the suite runs, and then runs at the real rate. Fixtures are
 * dated after it (2026-12-04 and on), so "already started", "now" and "the earliest start" mean the same on every
 * run; a test that needs the present asks this clock, never the system's.
 */
public final class TestClock extends Clock {

    /** 10:00 in London on the Tuesday before the fixtures' Friday: before every fixture's service, after 06:00. */
    public static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final long startNanos;
    private final ZoneId zone;

    public TestClock() {
        this(System.nanoTime(), ZoneOffset.UTC);
    }

    private TestClock(long startNanos, ZoneId zone) {
        this.startNanos = startNanos;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(startNanos, zone);
    }

    @Override
    public Instant instant() {
        return START.plusNanos(System.nanoTime() - startNanos);
    }
}
