package org.upgradeplanner.it;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged application (target/quarkus-app) in a process of its own, for tests that kill it or run two of it.
 * The database comes from the it.db.url system property, set by the build for H2 or PostgreSQL.
 */
final class ForkedInstance implements AutoCloseable {

    static final String PASSWORD = "it-secret";

    private final Process process;
    private final int port;
    private final Path log;

    private ForkedInstance(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static String dbKind() {
        return System.getProperty("it.db.kind", "h2");
    }

    /** Starts an instance and waits until it is ready. */
    static ForkedInstance start(String name, String dbUrl, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("it.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    "no packaged application at " + jar + ": integration tests run after `package`");
        }
        int port = freePort();
        Path log = Path.of("target", "it-logs", name + "-" + port + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-jar",
                jar.toString()));
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", dbUrl);
        env.put("PLANNER_ADMIN_PASSWORD", PASSWORD);
        env.put("PLANNER_ANNOUNCER_PASSWORD", PASSWORD);
        env.put("PLANNER_INVENTORY_PATH", "target/it-no-inventory");
        env.put("PLANNER_POLICY_MINIMUM_NOTICE", "PT0S");
        env.put("PLANNER_POLICY_MAX_CONCURRENT_WINDOWS", "1000");
        env.put("QUARKUS_LOG_CATEGORY__ORG_QUARTZ__LEVEL", "INFO");
        env.putAll(extraEnv);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        ForkedInstance instance = new ForkedInstance(pb.start(), port, log);
        instance.awaitReady(Duration.ofSeconds(90));
        return instance;
    }

    /** What the instance has written to its standard output and error so far. */
    String log() throws IOException {
        return Files.readString(log);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    RequestSpecification api() {
        return given().baseUri("http://127.0.0.1")
                .port(port)
                .auth()
                .preemptive()
                .basic("admin", PASSWORD);
    }

    /**
     * SIGKILL: no shutdown hook runs, nothing is flushed, as in a crash or an OOM kill. Returns {@link System#nanoTime()}
     * when the signal was sent, then waits for the process to be gone.
     */
    long kill() throws InterruptedException {
        process.destroyForcibly();
        long signalled = System.nanoTime();
        process.waitFor();
        return signalled;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("instance exited at start-up; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        kill();
        throw new IllegalStateException("instance not ready within " + timeout + "; see " + log.toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    private static String shared;

    /**
     * The PostgreSQL database the ITs of this run share: a new one beside the build's (not the one the in-process tests
     * used, whose accounts they created with their own passwords), dropped when the IT run ends.
     */
    static synchronized String sharedDatabase() throws java.sql.SQLException {
        if (shared == null) {
            shared = freshDatabase("it_" + System.nanoTime());
            String url = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    dropDatabase(url);
                } catch (java.sql.SQLException e) {
                    System.err.println("could not drop " + url + ": " + e.getMessage());
                }
            }));
        }
        return shared;
    }

    /**
     * A database of its own for one test: on H2 a new file, on PostgreSQL a new database beside the build's (dropped by
     * {@link #dropDatabase}), for a test that must start from an empty fleet.
     */
    static String freshDatabase(String name) throws java.sql.SQLException {
        if (!dbKind().equals("postgresql")) {
            return h2Url(name);
        }
        String url = System.getProperty("it.db.url");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("create database " + name.replace('-', '_'));
        }
        return url.substring(0, url.lastIndexOf('/') + 1) + name.replace('-', '_');
    }

    static void dropDatabase(String url) throws java.sql.SQLException {
        if (dbKind().equals("postgresql")) {
            String build = System.getProperty("it.db.url");
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(build, "postgres", "")) {
                c.createStatement()
                        .execute(
                                "drop database if exists " + url.substring(url.lastIndexOf('/') + 1) + " with (force)");
            }
        }
    }

    /**
     * Whether the job store holds nothing more of these windows: no trigger (its own, a retry, a recovery) and no firing
     * still running. Then none of their transitions can run again, and what the audit log says of them is final.
     */
    static boolean triggersGone(String dbUrl, Collection<Integer> windowIds) throws java.sql.SQLException {
        String groups = String.join(", ", Collections.nCopies(windowIds.size(), "?"));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(dbUrl, dbUser(), "")) {
            for (String table : List.of("qrtz_triggers", "qrtz_fired_triggers")) {
                try (var query =
                        c.prepareStatement("select count(*) from " + table + " where job_group in (" + groups + ")")) {
                    int i = 1;
                    for (int id : windowIds) {
                        query.setString(i++, "window-" + id);
                    }
                    try (var rows = query.executeQuery()) {
                        rows.next();
                        if (rows.getInt(1) > 0) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }
    }

    /** How many audit entries of this action the window has, read from the database (the instance may be down). */
    static int audits(String dbUrl, int windowId, String action) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(dbUrl, dbUser(), "");
                var query = c.prepareStatement(
                        "select count(*) from audit_entry where subject_type = 'window' and subject = ? and action = ?")) {
            query.setString(1, Integer.toString(windowId));
            query.setString(2, action);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The user the instances connect as: the build's db.username. */
    private static String dbUser() {
        return dbKind().equals("postgresql") ? "postgres" : "sa";
    }

    static String h2Url(String name) {
        return "jdbc:h2:async:" + new File("target/it-db/" + name).getAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    }
}
