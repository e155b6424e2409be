package org.upgradeplanner.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.support.TestClock;

/**
 * A burst of wrong passwords is answered 429 with Retry-After, over HTTP Basic and the login form alike, and the right
 * password works again once the wait is over. Its own profile (and app): the buckets it empties stay its own.
 */
@QuarkusTest
@TestProfile(SignInThrottlingTest.Small.class)
class SignInThrottlingTest {

    public static class Small implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "planner.sign-in.account-burst", "3",
                    "planner.sign-in.account-refill", "PT1M",
                    "planner.sign-in.address-burst", "8",
                    "planner.sign-in.address-refill", "PT10S",
                    "planner.inventory.path", "target/no-inventory");
        }
    }

    @Inject
    TestClock clock;

    private static int tests;

    /** Each test starts a day after the last one's start: the buckets another test emptied are full again. */
    @BeforeEach
    void pin() {
        clock.pin(Instant.parse("2041-03-01T10:00:00Z").plus(Duration.ofDays(tests++)));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static int basic(String user, String password) {
        return given().auth()
                .preemptive()
                .basic(user, password)
                .when()
                .get("/api/hosts")
                .then()
                .extract()
                .statusCode();
    }

    @Test
    void wrongPasswordsForOneAccountMakeItWaitThenTheRightOneWorks() {
        for (int i = 0; i < 3; i++) {
            given().auth()
                    .preemptive()
                    .basic("admin", "guess" + i)
                    .when()
                    .get("/api/hosts")
                    .then()
                    .statusCode(401);
        }
        given().auth()
                .preemptive()
                .basic("admin", "admin")
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(429)
                .header("Retry-After", equalTo("60"))
                .contentType("application/problem+json");
        given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .cookie("planner-csrf", "t")
                .formParam("csrf-token", "t")
                .formParam("username", "admin")
                .formParam("password", "admin")
                .when()
                .post("/login")
                .then()
                .statusCode(429)
                .header("Retry-After", equalTo("60"))
                .body(containsString("Too many failed sign-ins"));
        clock.advance(Duration.ofSeconds(60));
        given().auth()
                .preemptive()
                .basic("admin", "admin")
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(200);
    }

    @Test
    void anAddressTryingManyNamesWaitsToo() {
        for (int i = 0; i < 8; i++) {
            basic("nobody" + i, "guess");
        }
        given().auth()
                .preemptive()
                .basic("announcer", "announcer")
                .when()
                .get("/api/announcements")
                .then()
                .statusCode(429)
                .header("Retry-After", equalTo("10"));
        clock.advance(Duration.ofSeconds(10));
        given().auth()
                .preemptive()
                .basic("announcer", "announcer")
                .when()
                .get("/api/announcements")
                .then()
                .statusCode(200);
    }
}
