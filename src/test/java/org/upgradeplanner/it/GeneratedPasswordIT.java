package org.upgradeplanner.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The packaged application started with no password for a new account: the generated one works, sits in an owner-only
 * file, and is nowhere in the log.
 */
class GeneratedPasswordIT {

    @Test
    void aGeneratedPasswordGoesToAnOwnerOnlyFileAndNeverToTheLog() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String user = "bootstrap-" + run;
        Path file = Path.of("target", "it-passwords", run, "generated-passwords.txt");
        String db = ForkedInstance.dbKind().equals("postgresql")
                ? ForkedInstance.sharedDatabase()
                : ForkedInstance.h2Url("generated-password-" + run);
        try (ForkedInstance instance = ForkedInstance.start(
                "generated-password",
                db,
                Map.of(
                        "PLANNER_ANNOUNCER_USER",
                        user,
                        "PLANNER_ANNOUNCER_PASSWORD",
                        "",
                        "PLANNER_GENERATED_PASSWORDS_FILE",
                        file.toString()))) {
            String line = Files.readString(file).strip();
            assertTrue(line.startsWith(user + ": "), line);
            String password = line.substring(user.length() + 2);
            assertEquals(
                    Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(file));

            given().baseUri(instance.baseUrl())
                    .auth()
                    .preemptive()
                    .basic(user, password)
                    .get("/api/announcements")
                    .then()
                    .statusCode(200);

            String log = instance.log();
            assertTrue(log.contains(file.toAbsolutePath().toString()), "the log says where the password is");
            assertFalse(log.contains(password), "the log must not hold the password");
            assertFalse(log.contains(ForkedInstance.PASSWORD), "nor the configured ones");
        }
    }
}
