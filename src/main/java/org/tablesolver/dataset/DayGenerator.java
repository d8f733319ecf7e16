package org.tablesolver.dataset;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.tablesolver.solver.model.DayInput;

/**
 * Generates realistic restaurant-days from a seed: zones of neighbouring tables (2-, 4-, 6- and 8-tops
 * with minimum covers), combinations of neighbours, arrival peaks, turn times that grow with party
 * size, preferred and required zones and priorities. The same arguments always give the same day.
 */
public final class DayGenerator {

    /** When guests come and how long they stay. */
    public enum Profile {
        /** Lunch and dinner services, turns of 75–150 minutes. */
        RESTAURANT,
        /** One dinner service, everyone arriving within about three hours. */
        DINNER_ONLY,
        /** Open 11:00–23:00 with short turns: a food hall or a group's central venue. */
        FOOD_HALL,
        /** Open 10:30–22:00, guests all day with mild peaks, turns of 20–60 minutes: a food court. */
        FOOD_COURT
    }

    private static final String[] ZONE_NAMES = {"main", "window", "bar", "garden", "lounge", "terrace", "private"};

    private DayGenerator() {
    }

    /**
     * @param tableCount tables in the floor plan
     * @param bookingCount bookings of the day; how many fit depends on the tables and the profile
     */
    public static DayInput generate(String restaurantId, LocalDate date, ZoneId zone, Profile profile,
            int tableCount, int bookingCount, long seed) {
        return generate(restaurantId, date, zone, profile, tableCount, Math.max(1, Math.min(tableCount / 5, 12)),
                bookingCount, seed);
    }

    /**
     * The same with the number of zones given (the tables fill them in equal blocks): a hall of six zones of 20
     * tables, say, where the other overload gives a zone to every five tables (at most 12).
     */
    public static DayInput generate(String restaurantId, LocalDate date, ZoneId zone, Profile profile,
            int tableCount, int zoneCount, int bookingCount, long seed) {
        if (zoneCount < 1 || zoneCount > tableCount) {
            throw new IllegalArgumentException("zoneCount must be 1 to the table count, not " + zoneCount);
        }
        Random random = new Random(seed);
        List<String> zones = new ArrayList<>();
        for (int i = 0; i < zoneCount; i++) {
            zones.add(i < ZONE_NAMES.length ? ZONE_NAMES[i] : "hall-" + (i - ZONE_NAMES.length + 1));
        }

        List<DayInput.Table> tables = new ArrayList<>();
        for (int i = 0; i < tableCount; i++) {
            int capacity = pick(random, new int[] {2, 4, 6, 8}, new int[] {35, 40, 15, 10});
            int minimum = switch (capacity) {
                case 2 -> 1;
                case 4 -> 2;
                case 6 -> 3;
                default -> 5;
            };
            // Tables fill zones in blocks, so consecutive tables are neighbours.
            String tableZone = zones.get((int) ((long) i * zoneCount / tableCount));
            tables.add(new DayInput.Table("T" + (i + 1), tableZone, minimum, capacity, true));
        }

        List<DayInput.Combination> combinations = new ArrayList<>();
        for (int i = 0; i + 1 < tableCount; i++) {
            DayInput.Table a = tables.get(i);
            DayInput.Table b = tables.get(i + 1);
            if (!a.zoneId().equals(b.zoneId()) || a.maxCapacity() + b.maxCapacity() > 16 || random.nextInt(100) >= 35) {
                continue;
            }
            int max = a.maxCapacity() + b.maxCapacity() - (Math.min(a.maxCapacity(), b.maxCapacity()) >= 4 ? 2 : 0);
            int min = Math.min(max, Math.max(a.maxCapacity(), b.maxCapacity()) + 1);
            combinations.add(new DayInput.Combination(a.id() + "+" + b.id(), List.of(a.id(), b.id()), min, max));
            if (i + 2 < tableCount && random.nextInt(100) < 25) {
                DayInput.Table c = tables.get(i + 2);
                if (c.zoneId().equals(a.zoneId())) {
                    int tripleMax = max + c.maxCapacity() - 2;
                    combinations.add(new DayInput.Combination(a.id() + "+" + b.id() + "+" + c.id(),
                            List.of(a.id(), b.id(), c.id()), Math.min(tripleMax, max + 1), tripleMax));
                }
            }
        }

        int buffer = profile == Profile.FOOD_COURT ? 5 : 5 * (1 + random.nextInt(3));
        List<DayInput.Booking> bookings = new ArrayList<>();
        int width = String.valueOf(bookingCount).length();
        for (int i = 0; i < bookingCount; i++) {
            int party = partySize(random);
            LocalTime start = startTime(random, profile);
            int duration = duration(random, profile, party);
            String preferred = random.nextInt(100) < 33 ? zones.get(random.nextInt(zoneCount)) : null;
            String required = random.nextInt(100) < 4 ? zones.get(random.nextInt(zoneCount)) : null;
            int priority = random.nextInt(100) < 5 ? 1 + random.nextInt(3) : 0;
            String id = "B" + String.format("%0" + width + "d", i + 1);
            bookings.add(DayInput.Booking.pending(id, date.atTime(start).atZone(zone).toInstant(), duration, party,
                    preferred, required, priority));
        }
        return new DayInput(restaurantId, date, zone, buffer, tables, combinations, bookings, List.of());
    }

    private static int partySize(Random random) {
        int roll = random.nextInt(100);
        if (roll < 4) {
            return 1;
        } else if (roll < 42) {
            return 2;
        } else if (roll < 54) {
            return 3;
        } else if (roll < 76) {
            return 4;
        } else if (roll < 83) {
            return 5;
        } else if (roll < 91) {
            return 6;
        } else if (roll < 94) {
            return 7;
        } else if (roll < 97) {
            return 8;
        } else if (roll < 99) {
            return 9 + random.nextInt(4);
        }
        return 13 + random.nextInt(8);
    }

    private static LocalTime startTime(Random random, Profile profile) {
        double minute = switch (profile) {
            case RESTAURANT -> random.nextInt(100) < 30
                    ? clamp(gaussian(random, 12 * 60 + 45, 45), 11 * 60 + 30, 14 * 60 + 30)
                    : clamp(gaussian(random, 19 * 60 + 30, 60), 17 * 60 + 30, 21 * 60 + 45);
            case DINNER_ONLY -> clamp(gaussian(random, 19 * 60 + 30, 50), 18 * 60, 21 * 60);
            case FOOD_HALL -> random.nextInt(100) < 45
                    ? clamp(gaussian(random, 12 * 60 + 45, 60), 11 * 60, 15 * 60)
                    : clamp(gaussian(random, 19 * 60, 80), 15 * 60, 22 * 60);
            case FOOD_COURT -> random.nextInt(100) < 50
                    ? 10 * 60 + 30 + random.nextInt(11 * 60)
                    : random.nextBoolean()
                            ? clamp(gaussian(random, 12 * 60 + 45, 50), 10 * 60 + 30, 21 * 60 + 30)
                            : clamp(gaussian(random, 18 * 60 + 45, 60), 10 * 60 + 30, 21 * 60 + 30);
        };
        int slot = (int) Math.round(minute / 15) * 15;
        return LocalTime.of(slot / 60, slot % 60);
    }

    private static int duration(Random random, Profile profile, int party) {
        int base = switch (profile) {
            case RESTAURANT, DINNER_ONLY -> 60 + 15 * ((party + 1) / 2);
            case FOOD_HALL -> 30 + 15 * ((party + 2) / 3);
            case FOOD_COURT -> 20 + 10 * ((party + 1) / 2);
        };
        int step = profile == Profile.FOOD_COURT ? 10 : 15;
        return Math.min(base + step * (random.nextInt(3) - 1), 720);
    }

    private static double gaussian(Random random, double mean, double deviation) {
        return mean + random.nextGaussian() * deviation;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    private static int pick(Random random, int[] values, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
