package org.tablesolver.testing;

import java.util.function.Consumer;

import org.tablesolver.solve.SolveHooks;

/**
 * The one {@link SolveHooks} bean of the test context: a test sets what should happen at a point of the
 * pipeline (pause, change bookings, fail, block on a lock), and {@link #reset()} clears it again.
 */
public class TestHooks implements SolveHooks {

    /** What to do when a row was written: the attempt, the booking and the table. */
    @FunctionalInterface
    public interface AssignmentHook {
        void written(Attempt attempt, String bookingId, String tableId);
    }

    private volatile Consumer<Attempt> beforeCommit = attempt -> { };
    private volatile AssignmentHook assignmentWritten = (attempt, booking, table) -> { };
    private volatile Consumer<Attempt> beforeCommitStatement = attempt -> { };
    private volatile Consumer<Attempt> beforeLoad = attempt -> { };

    public void beforeLoad(Consumer<Attempt> hook) {
        beforeLoad = hook;
    }

    @Override
    public void beforeLoad(Attempt attempt) {
        beforeLoad.accept(attempt);
    }

    public void beforeCommitStatement(Consumer<Attempt> hook) {
        beforeCommitStatement = hook;
    }

    @Override
    public void beforeCommitStatement(Attempt attempt) {
        beforeCommitStatement.accept(attempt);
    }

    public void beforeCommit(Consumer<Attempt> hook) {
        beforeCommit = hook;
    }

    public void assignmentWritten(AssignmentHook hook) {
        assignmentWritten = hook;
    }

    public void reset() {
        beforeCommit = attempt -> { };
        assignmentWritten = (attempt, booking, table) -> { };
        beforeCommitStatement = attempt -> { };
        beforeLoad = attempt -> { };
    }

    @Override
    public void beforeCommit(Attempt attempt) {
        beforeCommit.accept(attempt);
    }

    @Override
    public void assignmentWritten(Attempt attempt, String bookingId, String tableId) {
        assignmentWritten.written(attempt, bookingId, tableId);
    }
}
