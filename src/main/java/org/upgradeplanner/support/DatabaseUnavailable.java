package org.upgradeplanner.support;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a failure because the database is away (restarting, unreachable, closed) from a failure of the request. */
public final class DatabaseUnavailable {

    /** H2's "database is closed" and "store is closed": the embedded database's equivalent of a lost connection. */
    private static final java.util.Set<Integer> H2_CLOSED = java.util.Set.of(90098, 90121);

    private DatabaseUnavailable() {}

    /**
     * Whether the transaction lost a deadlock or waited too long for a lock (SQLState 40001 and 40P01, H2's lock
     * timeout 50200): nothing was written, and the same request a moment later will likely pass.
     */
    public static boolean busy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql
                    && ("40001".equals(sql.getSQLState())
                            || "40P01".equals(sql.getSQLState())
                            || sql.getErrorCode() == 50200)) {
                return true;
            }
        }
        return false;
    }

    /** Whether anything in the cause chain says the connection to the database is lost or cannot be made. */
    public static boolean causes(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // SQLState class 08: connection exceptions; 57P01-57P03: PostgreSQL shutting down or starting up.
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))
                        || H2_CLOSED.contains(sql.getErrorCode())
                        || String.valueOf(sql.getMessage()).contains("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
