package org.tablesolver.solve;

/**
 * The commit found that the day changed since it was loaded (a booking's version, the floor plan, a
 * new hold or assignment on a planned table). Its transaction is rolled back; the pipeline reloads and
 * solves again.
 */
class CommitConflict extends RuntimeException {

    CommitConflict(String reason) {
        super(reason);
    }
}
