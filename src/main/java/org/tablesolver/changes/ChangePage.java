package org.tablesolver.changes;

import java.util.List;

/** A page of the change feed; ask again with {@code after=next} for what follows. */
public record ChangePage(List<Change> changes, long next) {
}
