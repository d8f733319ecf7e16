package org.tablesolver.changes;

/** Why a booking changed (the change feed's {@code cause}). */
public enum ChangeCause {
    /** The booking was created (a request, an instant confirmation, an import, a walk-in). */
    CREATE,
    /** A confirmation or a capacity hold gave it tables, or moved it to make room. */
    CONFIRM,
    /** A solve confirmed or moved it. */
    SOLVE,
    /** A host seated it by hand, or moved it to make room for a host's decision. */
    HOST,
    /** Its fields were changed (PATCH). */
    CHANGE,
    CANCEL,
    SEAT,
    COMPLETE,
    NO_SHOW
}
