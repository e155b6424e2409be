package org.upgradeplanner.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    private static RuntimeException wrapped(SQLException e) {
        return new RuntimeException("could not execute statement", new IllegalStateException(e));
    }

    @Test
    void aLostOrRefusedConnectionIsTheDatabaseAway() {
        assertTrue(DatabaseUnavailable.causes(wrapped(new SQLException("Connection refused", "08001"))));
        assertTrue(DatabaseUnavailable.causes(
                wrapped(new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(
                DatabaseUnavailable.causes(wrapped(new SQLException("The database has been closed", "90098", 90098))));
        assertTrue(DatabaseUnavailable.causes(
                new java.sql.SQLTransientConnectionException("Acquisition timeout while waiting for new connection")));
        assertFalse(DatabaseUnavailable.causes(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.causes(new IllegalArgumentException("no cause")));
    }

    @Test
    void aLostDeadlockOrLockTimeoutIsBusy() {
        assertTrue(DatabaseUnavailable.busy(wrapped(new SQLException("Deadlock detected", "40001", 40001))));
        assertTrue(DatabaseUnavailable.busy(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(DatabaseUnavailable.busy(wrapped(new SQLException("Timeout trying to lock table", "HYT00", 50200))));
        assertFalse(DatabaseUnavailable.busy(wrapped(new SQLException("Connection refused", "08001"))));
    }
}
