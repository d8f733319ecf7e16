package org.tablesolver.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the tests that solve days (annotate the subclass with {@link DatabaseTest}): starts every test
 * on an empty database with no hooks, and after every test asserts the {@link DayInvariants}.
 */
public abstract class SolvingTest {

    @Autowired
    protected Api api;
    @Autowired
    protected TestDatabase db;
    @Autowired
    protected TestHooks hooks;

    @BeforeEach
    void emptyDatabaseAndNoHooks() {
        hooks.reset();
        db.clean();
    }

    @AfterEach
    void dayInvariantsHold() {
        hooks.reset();
        DayInvariants.assertConsistent(db);
    }
}
