package org.upgradeplanner.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.upgradeplanner.support.Api.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The People page, a person's own account page, and what a viewer sees of the pages. */
@QuarkusTest
class PeoplePagesTest {

    private static String formToken(String session, String path) {
        return AdminPagesTest.formToken(
                given().cookie("planner-session", session).when().get(path));
    }

    private static RequestSpecification form(String session, String path) {
        return given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", formToken(session, path));
    }

    @Test
    void anAdminAddsAPersonWhoChangesTheirOwnPassword() {
        String admin = AdminPagesTest.login("admin", "admin");
        form(admin, "/people")
                .formParam("username", "petra")
                .formParam("displayName", "Petra <Ops>")
                .formParam("role", "admin")
                .formParam("password", "short")
                .when()
                .post("/people")
                .then()
                .statusCode(400)
                .body(containsString("password: at least 10 characters"));
        form(admin, "/people")
                .formParam("username", "petra")
                .formParam("displayName", "Petra <Ops>")
                .formParam("role", "admin")
                .formParam("password", "first password")
                .when()
                .post("/people")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/people"));
        given().cookie("planner-session", admin)
                .when()
                .get("/people")
                .then()
                .body(containsString("Petra &lt;Ops&gt;"))
                .body(not(containsString("Petra <Ops>")));

        String petra = AdminPagesTest.login("petra", "first password");
        given().cookie("planner-session", petra).when().get("/").then().body(containsString("Petra &lt;Ops&gt;"));
        form(petra, "/account")
                .formParam("current", "first password")
                .formParam("password", "second password")
                .formParam("repeat", "second passwrod")
                .when()
                .post("/account")
                .then()
                .statusCode(400)
                .body(containsString("repeat: not the same"));
        form(petra, "/account")
                .formParam("current", "first password")
                .formParam("password", "second password")
                .formParam("repeat", "second password")
                .when()
                .post("/account")
                .then()
                .statusCode(303);
        AdminPagesTest.login("petra", "second password");

        // Disabled on the People page: the session ends at once.
        long version = admin().when()
                .get("/api/users/petra")
                .then()
                .extract()
                .jsonPath()
                .getLong("version");
        form(admin, "/people")
                .formParam("displayName", "Petra")
                .formParam("role", "admin")
                .formParam("version", version)
                .when()
                .post("/people/petra")
                .then()
                .statusCode(303);
        given().redirects()
                .follow(false)
                .cookie("planner-session", petra)
                .when()
                .get("/")
                .then()
                .statusCode(303);
    }

    @Test
    void aViewerReadsThePagesWithoutTheirFormsAndCannotPost() {
        admin().contentType("application/json")
                .body(Map.of("username", "vince", "role", "viewer", "password", "viewing only"))
                .post("/api/users")
                .then()
                .statusCode(201);
        admin().contentType("application/json")
                .body(Map.of("hostname", "seen.people.test"))
                .post("/api/hosts")
                .then()
                .statusCode(201);
        String vince = AdminPagesTest.login("vince", "viewing only");
        given().cookie("planner-session", vince)
                .when()
                .get("/hosts/seen.people.test")
                .then()
                .statusCode(200)
                .body(containsString("Last change: Host created by admin, <time datetime=\""))
                .body(not(containsString("/classification\"")))
                .body(not(containsString("href=\"/people\"")));
        given().cookie("planner-session", vince)
                .when()
                .get("/windows")
                .then()
                .statusCode(200)
                .body(not(containsString("id=\"new-window\"")));
        given().cookie("planner-session", vince).when().get("/people").then().statusCode(403);
        given().cookie("planner-session", vince)
                .when()
                .get("/announcements")
                .then()
                .statusCode(200)
                .body(not(containsString("/sent\"")));
        form(vince, "/hosts/seen.people.test")
                .formParam("classification", "TRIVIAL")
                .formParam("reason", "viewers may not")
                .when()
                .post("/hosts/seen.people.test/classification")
                .then()
                .statusCode(403);
    }

    @Test
    void aTokenIsShownOnceOnTheAnswerToItsIssue() {
        String admin = AdminPagesTest.login("admin", "admin");
        String page = form(admin, "/people")
                .formParam("name", "page-bot")
                .formParam("role", "announcer")
                .when()
                .post("/people/tokens")
                .then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .extract()
                .asString();
        Matcher m = Pattern.compile("id=\"issued-token\">(upt_[^<]+)<").matcher(page);
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), "the token is on the page");
        String token = m.group(1);
        given().header("Authorization", "Bearer " + token)
                .when()
                .get("/api/announcements")
                .then()
                .statusCode(200);
        given().cookie("planner-session", admin)
                .when()
                .get("/people")
                .then()
                .body(containsString("page-bot"))
                .body(not(containsString(token)));
        form(admin, "/people")
                .when()
                .post("/people/tokens/page-bot/revoke")
                .then()
                .statusCode(303);
        given().header("Authorization", "Bearer " + token)
                .when()
                .get("/api/announcements")
                .then()
                .statusCode(401);
    }
}
