package org.upgradeplanner.support;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a failure because the database is away (restarting, unreachable, closed) from a failure of the request. */
public final class DatabaseUnavailable {

    /** H2's "database is closed" and "store is closed": the embedded database's equivalent of a lost connection. */
    private static final java.util.Set<Integer> H2_CLOSED = java.util.Set.of(90098, 90121);

    private DatabaseUnavailable() {
    }

    /** Whether anything in the cause chain says the connection to the database is lost or cannot be made. */
    public static boolean causes(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // SQLState class 08: connection exceptions; 57P01-57P03: PostgreSQL shutting down or starting up.
                if (state != null && (state.startsWith("08") || state.startsWith("57P0")) || H2_CLOSED.contains(sql.getErrorCode())
                        || String.valueOf(sql.getMessage()).contains("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
