package org.tablesolver.floorplan;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Size limits of the input ({@code tablesolver.limits.*}): beyond them a request is a 400 naming the field, so
 * that no input can make the service do unbounded work. Every pass over a floor plan or a day is linear or
 * close to it within them.
 *
 * @param maxTables                 tables per restaurant
 * @param maxCombinations           combinations per restaurant
 * @param maxTablesPerCombination   member tables of one combination
 * @param maxBookingsPerDay         bookings of one restaurant-day (any status), import included
 */
@ConfigurationProperties("tablesolver.limits")
public record Limits(
        @DefaultValue("2000") int maxTables,
        @DefaultValue("2000") int maxCombinations,
        @DefaultValue("12") int maxTablesPerCombination,
        @DefaultValue("20000") int maxBookingsPerDay) {

    public Limits {
        if (maxTables < 1 || maxCombinations < 0 || maxTablesPerCombination < 2 || maxBookingsPerDay < 1) {
            throw new IllegalArgumentException("tablesolver.limits.*: positive limits required (at least 2 tables "
                    + "per combination)");
        }
    }
}
