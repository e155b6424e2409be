package org.upgradeplanner.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.upgradeplanner.support.Api.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** A browser gets errors as pages of the UI; programs keep problem+json exactly as before. */
@QuarkusTest
class ErrorPagesTest {

    /** What Chromium and Firefox send for a page. */
    static final String BROWSER =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @Test
    void aBrowserSeesAMissingHostAsAPageAndAProgramAsAProblem() {
        String session = AdminPagesTest.login("admin", "admin");
        given().cookie("planner-session", session)
                .accept(BROWSER)
                .when()
                .get("/hosts/nowhere.error.test")
                .then()
                .statusCode(404)
                .contentType(ContentType.HTML)
                .body(containsString("<h1>Not found</h1>"))
                .body(containsString("nowhere.error.test"))
                .body(containsString("href=\"/css/planner.css\""))
                .body(containsString("Back to the planner"));
        // A program that takes anything keeps the problem document (a page asked for as JSON stays a 406, as before).
        for (String accept : new String[] {"*/*", "text/html;q=0.5, application/json, */*;q=0.1"}) {
            given().cookie("planner-session", session)
                    .accept(accept)
                    .when()
                    .get("/hosts/nowhere.error.test")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404));
        }
        given().cookie("planner-session", session)
                .accept("application/json")
                .when()
                .get("/hosts/nowhere.error.test")
                .then()
                .statusCode(406)
                .contentType(not(containsString("text/html")));
    }

    @Test
    void theApiAndTheFeedsKeepTheirAnswersWhateverTheBrowserAsks() {
        admin().accept(BROWSER)
                .when()
                .get("/api/hosts/nowhere.error.test")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"));
        String feed = given().accept(BROWSER)
                .when()
                .get("/calendar/hosts/nowhere.error.test.ics")
                .then()
                .statusCode(404)
                .extract()
                .contentType();
        assertFalse(feed.startsWith("text/html"), feed);
        given().accept(BROWSER)
                .when()
                .get("/api/no-such-endpoint")
                .then()
                .statusCode(404)
                .contentType(not(containsString("text/html")));
    }

    @Test
    void anUnknownPathIsTheNotFoundPageInABrowser() {
        given().accept(BROWSER)
                .when()
                .get("/no/such/page")
                .then()
                .statusCode(404)
                .contentType(ContentType.HTML)
                .body(containsString("<h1>Not found</h1>"))
                .body(containsString("There is no page at this address."));
        String program = given().when()
                .get("/no/such/page")
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertFalse(program.contains("Back to the planner"), program);
        // Static files are still served.
        given().accept("text/css,*/*;q=0.1")
                .when()
                .get("/css/planner.css")
                .then()
                .statusCode(200);
        given().accept(BROWSER).when().get("/js/local-time.js").then().statusCode(200);
    }

    @Test
    void aFormWithoutItsTokenAndAForbiddenPageArePages() {
        String session = AdminPagesTest.login("admin", "admin");
        given().cookie("planner-session", session)
                .accept(BROWSER)
                .contentType(ContentType.URLENC)
                .formParam("title", "no token")
                .when()
                .post("/windows")
                .then()
                .statusCode(400)
                .contentType(ContentType.HTML)
                .body(containsString("<h1>Invalid request</h1>"));
        given().cookie("planner-session", session)
                .accept("*/*")
                .contentType(ContentType.URLENC)
                .formParam("title", "no token")
                .when()
                .post("/windows")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        String announcer = AdminPagesTest.login("announcer", "announcer");
        String page = given().cookie("planner-session", announcer)
                .accept(BROWSER)
                .when()
                .get("/hosts")
                .then()
                .statusCode(403)
                .contentType(ContentType.HTML)
                .extract()
                .asString();
        assertTrue(page.contains("<h1>Forbidden</h1>") && page.contains("/css/planner.css"), page);
        admin().accept(BROWSER)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .put("/api/hosts/nowhere.error.test/classification")
                .then()
                .contentType("application/problem+json");
    }
}
