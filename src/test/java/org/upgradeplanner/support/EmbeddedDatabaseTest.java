package org.upgradeplanner.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 default must survive thread interrupts: Narayana's reaper interrupts a worker whose transaction
 * outruns the timeout, and on H2's plain {@code file:} store an interrupt during disk I/O closes the file channel, and
 * with it the database, until a restart. The default URL uses the {@code async:} file system, whose I/O runs on
 * other threads. (With {@code file:} this test fails on every run here.)
 */
class EmbeddedDatabaseTest {

    @Test
    void theDefaultDatabaseStaysOpenWhenAThreadReadingItIsInterrupted(@TempDir Path dir) throws Exception {
        String url = defaultUrl();
        assumeTrue(url.startsWith("jdbc:h2:"), "a PostgreSQL build: nothing embedded to check");
        // The configured URL on a fresh folder, with a small page cache so that every scan reads from disk.
        String fresh = url.replace("./data/planner", dir.resolve("planner").toString()) + ";CACHE_SIZE=64";
        try (Connection keep = DriverManager.getConnection(fresh, "sa", "")) {
            try (Statement s = keep.createStatement()) {
                s.execute("create table t (id int primary key, v varchar(200))");
            }
            try (PreparedStatement insert = keep.prepareStatement("insert into t values (?, ?)")) {
                for (int i = 0; i < 20_000; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "x".repeat(150) + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (Statement s = keep.createStatement()) {
                s.execute("checkpoint");
            }

            AtomicBoolean stop = new AtomicBoolean();
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    try (Connection c = DriverManager.getConnection(fresh, "sa", "");
                            Statement s = c.createStatement()) {
                        s.executeQuery("select sum(length(v)) from t").next();
                    } catch (SQLException interrupted) {
                        Thread.interrupted(); // this query failed; the next one must still work
                    }
                }
            });
            reader.start();
            for (int i = 0; i < 100 && reader.isAlive(); i++) {
                Thread.sleep(2);
                reader.interrupt();
            }
            stop.set(true);
            reader.join();

            try (Statement s = keep.createStatement()) {
                s.execute("insert into t values (-1, 'written after the interrupts')");
                ResultSet rows = s.executeQuery("select count(*) from t");
                rows.next();
                assertEquals(20_001, rows.getInt(1));
            }
        }
    }

    /** The datasource URL the build configured (Maven filters it into this file). */
    private static String defaultUrl() throws Exception {
        Properties p = new Properties();
        try (InputStream in =
                EmbeddedDatabaseTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            p.load(in);
        }
        return p.getProperty("quarkus.datasource.jdbc.url");
    }
}
