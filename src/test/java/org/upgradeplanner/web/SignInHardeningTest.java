package org.upgradeplanner.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** What a trusted sign-in has: security headers, uncached private pages, CSRF tokens bound to the session. */
@QuarkusTest
class SignInHardeningTest {

    private static Response page(String session, String path) {
        return given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .when()
                .get(path);
    }

    @Test
    void pagesCarryTheSecurityHeadersAndPrivateOnesAreNeverCached() {
        for (String path : new String[] {"/login", "/outages"}) {
            given().when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("same-origin"));
        }
        given().when().get("/login").then().header("Cache-Control", equalTo("no-store"));
        given().when().get("/outages").then().header("Cache-Control", not(containsString("no-store")));
        String session = AdminPagesTest.login("admin", "admin");
        page(session, "/hosts").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
        given().when().get("/css/planner.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void theFormTokenIsBoundToTheSessionAndEndsWithIt() {
        String first = AdminPagesTest.login("admin", "admin");
        String second = AdminPagesTest.login("admin", "admin");
        String token = AdminPagesTest.formToken(page(first, "/hosts"));
        assertNotEquals(token, AdminPagesTest.formToken(page(second, "/hosts")), "each session has its own token");

        // The first session's token, with a matching cookie, is worth nothing in the second session.
        given().redirects()
                .follow(false)
                .cookie("planner-session", second)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .when()
                .post("/logout")
                .then()
                .statusCode(400);
        given().redirects()
                .follow(false)
                .cookie("planner-session", first)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .when()
                .post("/logout")
                .then()
                .statusCode(303);
        // Logged out: the same cookie, replayed, is no login; the other session lives on.
        page(first, "/hosts").then().statusCode(303).header("Location", endsWith("/login"));
        page(second, "/hosts").then().statusCode(200);
    }
}
