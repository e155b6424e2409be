package org.upgradeplanner.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The settings the migrations and the pool give each database (DurabilityIT proves the effect of the first). */
@QuarkusTest
class DatabaseSettingsTest {

    @Inject
    AgroalDataSource db;

    @Test
    void h2WritesEveryCommitAtOnce() throws Exception {
        try (Connection c = db.getConnection()) {
            assumeTrue(c.getMetaData().getDatabaseProductName().equals("H2"), "PostgreSQL commits durably by itself");
            assertEquals("0", setting(c, "WRITE_DELAY"));
        }
    }

    @Test
    void rowLocksAreWaitedForUpToAMinute() throws Exception {
        try (Connection c = db.getConnection();
                var s = c.createStatement()) {
            boolean h2 = c.getMetaData().getDatabaseProductName().equals("H2");
            ResultSet rs = s.executeQuery(h2 ? "call lock_timeout()" : "show lock_timeout");
            rs.next();
            assertEquals(h2 ? "60000" : "1min", rs.getString(1));
        }
    }

    private static String setting(Connection c, String name) throws Exception {
        try (var s =
                c.prepareStatement("select setting_value from information_schema.settings where setting_name = ?")) {
            s.setString(1, name);
            ResultSet rs = s.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
