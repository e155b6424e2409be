package org.upgradeplanner.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.upgradeplanner.support.Api.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.support.PinnedClockTest;

/** The window pages as a person reads them: a multi-line description survives the form, times and states in words. */
@QuarkusTest
class WindowPagesTest extends PinnedClockTest {

    @Override
    protected java.time.Instant now() {
        return java.time.Instant.parse("2046-11-02T00:00:00Z");
    }

    @Test
    void aDescriptionKeepsItsLinesWhenOnlyTheTitleIsEdited() {
        int id = admin().contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "Lines kept",
                        "start",
                        "2046-12-11T20:00:00Z",
                        "end",
                        "2046-12-11T22:00:00Z",
                        "hosts",
                        List.of("zm06.openstack.org"),
                        "description",
                        "First line\nsecond line <b>\n\nafter a blank line"))
                .when()
                .post("/api/windows")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String session = AdminPagesTest.login("admin", "admin");
        var page = given().cookie("planner-session", session)
                .when()
                .get("/windows/" + id + "/edit")
                .then()
                .statusCode(200)
                .body(containsString(
                        "<textarea id=\"description\" name=\"description\" rows=\"6\" cols=\"60\" maxlength=\"8000\">"
                                + "First line\nsecond line &lt;b&gt;\n\nafter a blank line</textarea>"))
                .body(containsString("<time datetime=\"2046-12-11T20:00:00Z\">Tue 11 Dec 2046, 20:00</time>"
                        + " – <time datetime=\"2046-12-11T22:00:00Z\">22:00 UTC</time>"))
                .body(containsString("Scheduled,"))
                .extract();
        String token = page.cookie("planner-csrf");
        String version = page.htmlPath().getString("**.find { it.@name == 'version' }.@value");
        // What a browser posts back: the textarea's lines as CRLF.
        String posted = page.htmlPath()
                .getString("**.find { it.@name == 'description' }")
                .replace("\n", "\r\n");
        given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("version", version)
                .formParam("title", "Lines kept, retitled")
                .formParam("start", "2046-12-11T20:00")
                .formParam("end", "2046-12-11T22:00")
                .formParam("hosts", "zm06.openstack.org")
                .formParam("description", posted)
                .when()
                .post("/windows/" + id + "/edit")
                .then()
                .statusCode(303);
        admin().when()
                .get("/api/windows/" + id)
                .then()
                .body("title", equalTo("Lines kept, retitled"))
                .body("description", equalTo("First line\nsecond line <b>\n\nafter a blank line"))
                .body("state", equalTo("SCHEDULED"))
                .body("start", equalTo("2046-12-11T20:00:00Z"));
        given().cookie("planner-session", session)
                .when()
                .get("/windows")
                .then()
                .statusCode(200)
                .body(containsString("<td data-label=\"State\">Scheduled</td>"))
                .body(containsString("<option value=\"IN_PROGRESS\" >In progress</option>"))
                .body(not(containsString("When (UTC)")));
    }

    @Test
    void statesAndClassificationsReadAsWords() {
        String session = AdminPagesTest.login("admin", "admin");
        given().cookie("planner-session", session)
                .queryParam("classification", "OUTAGE_REQUIRED")
                .when()
                .get("/hosts")
                .then()
                .statusCode(200)
                .body(containsString("<td data-label=\"Classification\">Outage required"))
                .body(containsString("<option value=\"UP_TO_DATE\" >Up to date</option>"))
                .body(not(containsString(">OUTAGE_REQUIRED<")));
        given().cookie("planner-session", session)
                .when()
                .get("/hosts/review.openstack.org")
                .then()
                .statusCode(200)
                .body(containsString("<dt>Classification</dt><dd>Outage required (rule)</dd>"));
        given().cookie("planner-session", session)
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .body(containsString("outage required</div>"))
                .body(containsString("href=\"/hosts?classification=OUTAGE_REQUIRED\""));
    }
}
