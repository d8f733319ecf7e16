package org.tablesolver.database;

/** Row-count checks: a count the code considers impossible fails loudly instead of being ignored. */
public final class Rows {

    private Rows() {
    }

    public static int exactlyOne(int rows, String what) {
        if (rows != 1) {
            throw new IllegalStateException("Expected exactly 1 row for '" + what + "', got " + rows);
        }
        return rows;
    }

    public static int zeroOrOne(int rows, String what) {
        if (rows != 0 && rows != 1) {
            throw new IllegalStateException("Expected 0 or 1 row for '" + what + "', got " + rows);
        }
        return rows;
    }

    public static int exactly(int expected, int rows, String what) {
        if (rows != expected) {
            throw new IllegalStateException("Expected " + expected + " rows for '" + what + "', got " + rows);
        }
        return rows;
    }
}
