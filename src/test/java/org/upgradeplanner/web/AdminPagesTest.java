package org.upgradeplanner.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.upgradeplanner.support.Api.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.support.TestClock;

@QuarkusTest
class AdminPagesTest {

    /** "Now" for the tests that make windows, a Monday: a year of its own, so other test classes' windows never meet these. */
    private static final Instant NOW = Instant.parse("2044-01-04T00:00:00Z");

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Pins "now" and answers the day so many days after it. */
    private LocalDate pinnedDay(int daysAhead) {
        clock.pin(NOW);
        return LocalDate.ofInstant(NOW, ZoneOffset.UTC).plusDays(daysAhead);
    }

    private static final java.util.regex.Pattern FORM_TOKEN =
            java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** The CSRF token a page's forms carry (bound to the session when signed in). */
    static String formToken(io.restassured.response.Response page) {
        java.util.regex.Matcher m = FORM_TOKEN.matcher(page.body().asString());
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), "the page has a form token");
        return m.group(1);
    }

    /** Logs in through the form and returns the session cookie. */
    static String login(String user, String password) {
        return loginForm(user, password, "login-token", "login-token")
                .statusCode(303)
                .cookie("planner-session", notNullValue())
                .extract()
                .cookie("planner-session");
    }

    /** Posts the login form with this CSRF cookie and form field (null: left out). */
    private static io.restassured.response.ValidatableResponse loginForm(
            String user, String password, String cookie, String field) {
        var request = given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("username", user)
                .formParam("password", password);
        if (cookie != null) {
            request.cookie("planner-csrf", cookie);
        }
        if (field != null) {
            request.formParam("csrf-token", field);
        }
        return request.when().post("/login").then();
    }

    @Test
    void pagesNeedALoginAndTheLoginPageIsAForm() {
        given().redirects().follow(false).when().get("/").then().statusCode(303).header("Location", endsWith("/login"));
        given().redirects().follow(false).when().get("/hosts").then().statusCode(303);
        String token = given().when()
                .get("/login")
                .then()
                .statusCode(200)
                .contentType("text/html")
                .body(containsString("action=\"/login\""))
                .body(containsString("autocomplete=\"current-password\""))
                .extract()
                .cookie("planner-csrf");
        given().cookie("planner-csrf", token)
                .when()
                .get("/login")
                .then()
                .body(containsString("name=\"csrf-token\" value=\"" + token + "\""));

        // A wrong password, or a right one without the form's CSRF token, lands on the error page with no session.
        for (var attempt : java.util.List.of(
                new String[] {"nope", token, token},
                new String[] {"admin", token, null},
                new String[] {"admin", null, token},
                new String[] {"admin", token, "other"})) {
            var cookies = loginForm("admin", attempt[0], attempt[1], attempt[2])
                    .statusCode(303)
                    .header("Location", endsWith("/login-error"))
                    .extract()
                    .cookies();
            org.junit.jupiter.api.Assertions.assertFalse(
                    cookies.containsKey("planner-session"), "a session after " + java.util.Arrays.toString(attempt));
        }
        String session = loginForm("admin", "admin", token, token)
                .statusCode(303)
                .header("Location", endsWith("/"))
                .cookie("planner-session", notNullValue())
                .extract()
                .cookie("planner-session");
        // The session is the web UI's: it is no login for the JSON API, which a foreign page could otherwise drive.
        given().cookie("planner-session", session)
                .when()
                .get("/api/hosts")
                .then()
                .statusCode(401);
        given().when()
                .get("/login-error")
                .then()
                .statusCode(200)
                .body(containsString("Wrong user name or password, or the form had expired"));
        given().when().get("/api/hosts").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theDashboardSummarisesTheFleet() {
        String session = login("admin", "admin");
        given().cookie("planner-session", session)
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .body(containsString("hosts past EOL"))
                .body(containsString("<polyline points="))
                .body(containsString("href=\"/hosts?classification=OUTAGE_REQUIRED\""))
                .body(containsString("href=\"/hosts?release=ubuntu-12.04\""))
                .body(containsString("name=\"csrf-token\""))
                .cookie("planner-csrf", notNullValue());
    }

    @Test
    void theHostTableFiltersSortsAndPagesOnTheServer() {
        String session = login("admin", "admin");
        given().cookie("planner-session", session)
                .queryParam("service", "zuul-merger")
                .when()
                .get("/hosts")
                .then()
                .statusCode(200)
                .body(containsString("<small>(8)</small>"))
                .body(containsString("href=\"/hosts/zm01.openstack.org\""))
                .body(not(containsString("review.openstack.org")));
        given().cookie("planner-session", session)
                .queryParam("classification", "EASY")
                .when()
                .get("/hosts")
                .then()
                .statusCode(200)
                .body(containsString("classification: one of TRIVIAL"));
        given().cookie("planner-session", session)
                .when()
                .get("/hosts/review.openstack.org")
                .then()
                .statusCode(200)
                .body(containsString("stateful single host"));
    }

    @Test
    void userTextIsEscapedEverywhere() {
        admin().contentType(ContentType.JSON)
                .body(Map.of("hostname", "xss.example.org", "vars", Map.of("note", "<img src=x onerror=alert(1)>")))
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(201);
        String session = login("admin", "admin");
        given().cookie("planner-session", session)
                .when()
                .get("/hosts/xss.example.org")
                .then()
                .statusCode(200)
                .body(containsString("&lt;img src=x onerror=alert(1)&gt;"))
                .body(not(containsString("<img src=x")));
    }

    @Test
    void theAnnouncerMayNotOpenAdminPagesAndLogoutNeedsTheFormToken() {
        String announcer = login("announcer", "announcer");
        given().cookie("planner-session", announcer).when().get("/hosts").then().statusCode(403);
        given().cookie("planner-session", announcer).when().get("/audit").then().statusCode(403);
        given().redirects()
                .follow(false)
                .cookie("planner-session", announcer)
                .when()
                .get("/")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/announcements"));

        String session = login("admin", "admin");
        var page = given().cookie("planner-session", session)
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .extract();
        String token = page.cookie("planner-csrf");
        given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", "forged")
                .when()
                .post("/logout")
                .then()
                .statusCode(400);
        // (The token is bound to the session, so it needs no cookie beside it: SignInHardeningTest.)
        given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .when()
                .post("/logout")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/login"))
                .header("Set-Cookie", containsString("planner-session=;"));
        // The session ended on the server: the same cookie, replayed, is no login any more.
        given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .when()
                .get("/")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/login"));
    }

    @Test
    void anOverrideByFormFollowsPostRedirectGetAndShowsErrorsBesideTheirField() {
        String session = login("admin", "admin");
        var page = given().cookie("planner-session", session)
                .when()
                .get("/hosts/paste.openstack.org")
                .then()
                .statusCode(200)
                .extract();
        String token = page.cookie("planner-csrf");
        String version = page.htmlPath().getString("**.find { it.@name == 'version' }.@value");
        given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("classification", "TRIVIAL")
                .formParam("reason", "")
                .formParam("version", version)
                .when()
                .post("/hosts/paste.openstack.org/classification")
                .then()
                .statusCode(400)
                .body(
                        containsString(
                                "<span id=\"reason-error\" class=\"error\">required: say why the rules are wrong for this host</span>"));
        var done = given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("classification", "TRIVIAL")
                .formParam("reason", "paste is read-only now")
                .formParam("version", version)
                .when()
                .post("/hosts/paste.openstack.org/classification")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/hosts/paste.openstack.org"))
                .extract();
        given().cookie("planner-session", session)
                .cookie("planner-flash", done.cookie("planner-flash"))
                .when()
                .get("/hosts/paste.openstack.org")
                .then()
                .statusCode(200)
                .body(containsString("Override saved: paste.openstack.org is Trivial."))
                .body(containsString("Overridden to Trivial by admin, <time datetime="))
                .body(containsString("paste is read-only now (the rules say"));
    }

    @Test
    void windowsAreCreatedByFormAndABreachIsShownBesideItsField() {
        LocalDate day = pinnedDay(10); // first: a session opened in real time has long expired by then
        String session = login("admin", "admin");
        String token = given().cookie("planner-session", session)
                .when()
                .get("/windows")
                .then()
                .statusCode(200)
                .extract()
                .cookie("planner-csrf");
        String start = day + "T20:00";
        String end = day + "T22:00";
        given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("title", "Storyboard upgrade")
                .formParam("start", start)
                .formParam("end", end)
                .formParam("hosts", "storyboard.openstack.org")
                .when()
                .post("/windows")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/windows"));
        given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("title", "Clash <b>bold</b>")
                .formParam("start", start)
                .formParam("end", end)
                .formParam("hosts", "storyboard.openstack.org")
                .when()
                .post("/windows")
                .then()
                .statusCode(409)
                .body(
                        containsString(
                                "<span class=\"error\" id=\"hosts-error\">storyboard.openstack.org already in overlapping window"))
                .body(containsString("value=\"Clash &lt;b&gt;bold&lt;/b&gt;\""));
        given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("title", "No times")
                .formParam("start", "tomorrow")
                .when()
                .post("/windows")
                .then()
                .statusCode(400)
                .body(
                        containsString(
                                "<span class=\"error\" id=\"start-error\">a date and time such as 2027-03-05T20:00 (UTC)</span>"));
        int id = admin().queryParam("host", "storyboard.openstack.org")
                .when()
                .get("/api/windows")
                .then()
                .extract()
                .path("find { it.title == 'Storyboard upgrade' }.id");
        given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("reason", "storyboard retires")
                .when()
                .post("/windows/" + id + "/cancel")
                .then()
                .statusCode(303);
        admin().when().get("/api/windows/" + id).then().body("state", org.hamcrest.Matchers.equalTo("CANCELLED"));
    }

    @Test
    void theAnnouncerReviewsDraftsAndMarksThemSent() {
        String start = pinnedDay(20).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        String end = java.time.Instant.parse(start)
                .plus(java.time.Duration.ofHours(1))
                .toString();
        int windowId = admin().contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "Translate upgrade",
                        "start",
                        start,
                        "end",
                        end,
                        "hosts",
                        java.util.List.of("translate.openstack.org")))
                .when()
                .post("/api/windows")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        int draft = admin().when()
                .get("/api/announcements?status=PENDING")
                .then()
                .extract()
                .path("find { it.windowId == " + windowId + " }.id");
        String session = login("announcer", "announcer");
        var page = given().cookie("planner-session", session)
                .when()
                .get("/announcements")
                .then()
                .statusCode(200)
                .body(containsString("id=\"announcement-" + draft + "\""))
                .body(containsString("href=\"/api/announcements/" + draft + ".eml\""))
                .body(not(containsString("href=\"/hosts\"")))
                .extract();
        String token = page.cookie("planner-csrf");
        given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .when()
                .post("/announcements/" + draft + "/sent")
                .then()
                .statusCode(303);
        admin().when().get("/api/announcements/" + draft).then().body("status", org.hamcrest.Matchers.equalTo("SENT"));
        given().cookie("planner-session", session)
                .cookie("planner-flash", "x")
                .when()
                .get("/announcements?status=SENT")
                .then()
                .statusCode(200)
                .body(containsString("id=\"announcement-" + draft + "\""));
    }

    @Test
    void theAuditPageFilters() {
        String session = login("admin", "admin");
        given().cookie("planner-session", session)
                .queryParam("action", "INVENTORY_IMPORTED")
                .when()
                .get("/audit")
                .then()
                .statusCode(200)
                .body(containsString("openstack-infra.yaml"))
                .body(not(containsString("HOST_CREATED")));
    }

    @Test
    void anUploadShowsTheDryRunThenApplies() {
        String session = login("admin", "admin");
        String token = given().cookie("planner-session", session)
                .when()
                .get("/import")
                .then()
                .statusCode(200)
                .extract()
                .cookie("planner-csrf");
        String yaml =
                "all:\n  children:\n    web:\n      vars: {os: ubuntu-12.04, services: [web], replaceable: true}\n"
                        + "      hosts:\n        web1.ui.test:\n        web2.ui.test: {note: \"<script>x</script>\"}\n";
        given().cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .multiPart("csrf-token", token)
                .multiPart("source", "ui-test")
                .multiPart(
                        "file",
                        "fleet.yaml",
                        yaml.replace("web1.ui.test:", "web1.ui.test: {stateful: maybe}")
                                .getBytes(),
                        "application/yaml")
                .when()
                .post("/import")
                .then()
                .statusCode(400)
                .body(containsString("`stateful` must be true or false, not `maybe`"));
        var preview = given().cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .multiPart("csrf-token", token)
                .multiPart("source", "ui-test")
                .multiPart("file", "fleet.yaml", yaml.getBytes(), "application/yaml")
                .when()
                .post("/import")
                .then()
                .statusCode(200)
                .body(containsString("2 added, 0 updated, 0 unchanged, 0 removed"))
                .body(not(containsString("<script>x")))
                .body(not(containsString("name=\"inventory\"")))
                .extract()
                .asString();
        String id = hidden(preview, "id");
        String digest = hidden(preview, "digest");
        admin().when().get("/api/hosts/web1.ui.test").then().statusCode(404);
        // Someone changes the fleet meanwhile: the preview is shown again as it now stands, nothing is applied.
        admin().contentType(ContentType.JSON)
                .body(Map.of("hostname", "meanwhile.ui.test"))
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(201);
        var apply = given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("id", id)
                .formParam("digest", digest);
        apply.when()
                .post("/import/apply")
                .then()
                .statusCode(409)
                .body(containsString("The fleet changed since your preview"))
                .body(containsString("2 added"));
        admin().when().get("/api/hosts/web1.ui.test").then().statusCode(404);
        given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("id", id)
                .formParam("digest", "0".repeat(64))
                .when()
                .post("/import/apply")
                .then()
                .statusCode(409)
                .body(containsString("upload the file again"));
        given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("id", id)
                .formParam("digest", digest)
                .when()
                .post("/import/apply")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/hosts"));
        given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("id", id)
                .formParam("digest", digest)
                .when()
                .post("/import/apply")
                .then()
                .statusCode(409)
                .body(containsString("applied already"));
        admin().when()
                .get("/api/hosts/web1.ui.test")
                .then()
                .statusCode(200)
                .body("source", org.hamcrest.Matchers.equalTo("ui-test"));
    }

    @Test
    void aFormOverItsLimitGetsAPageThatSaysSo() {
        String session = login("admin", "admin");
        String token = given().cookie("planner-session", session)
                .when()
                .get("/windows")
                .then()
                .extract()
                .cookie("planner-csrf");
        given().cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("title", "big")
                .formParam("description", "x".repeat(70_000))
                .when()
                .post("/windows")
                .then()
                .statusCode(413)
                .contentType("text/html")
                .body(containsString("a form field up to 64 KB"));
    }

    /** The value of a hidden form field on a page. */
    private static String hidden(String html, String name) {
        var m = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"")
                .matcher(html);
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), "no hidden field " + name);
        return m.group(1);
    }

    @Test
    void selectedHostsAreOverriddenTogether() {
        String session = login("admin", "admin");
        String token = given().cookie("planner-session", session)
                .when()
                .get("/hosts")
                .then()
                .statusCode(200)
                .extract()
                .cookie("planner-csrf");
        given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("hostname", "logstash-worker01.openstack.org", "logstash-worker02.openstack.org")
                .formParam("classification", "OUTAGE_REQUIRED")
                .formParam("reason", "their queue is not replicated")
                .when()
                .post("/hosts/override")
                .then()
                .statusCode(303);
        admin().when()
                .get("/api/hosts/logstash-worker02.openstack.org")
                .then()
                .body("classificationSource", org.hamcrest.Matchers.equalTo("OVERRIDE"));
        given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("hostname", "logstash-worker01.openstack.org", "logstash-worker02.openstack.org")
                .formParam("clear", "1")
                .when()
                .post("/hosts/override")
                .then()
                .statusCode(303);
        admin().when()
                .get("/api/hosts/logstash-worker01.openstack.org")
                .then()
                .body("classificationSource", org.hamcrest.Matchers.equalTo("RULE"));
        var refused = given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("hostname", "logstash-worker01.openstack.org", "no-such-host.example.org")
                .formParam("classification", "TRIVIAL")
                .formParam("reason", "x")
                .when()
                .post("/hosts/override")
                .then()
                .statusCode(303)
                .extract();
        admin().when()
                .get("/api/hosts/logstash-worker01.openstack.org")
                .then()
                .body("classificationSource", org.hamcrest.Matchers.equalTo("RULE"));
        given().cookie("planner-session", session)
                .cookie("planner-flash", refused.cookie("planner-flash"))
                .when()
                .get("/hosts")
                .then()
                .body(containsString("Nothing changed: no host named no-such-host.example.org"));
        var unknownClass = given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("hostname", "logstash-worker01.openstack.org")
                .formParam("classification", "EASY")
                .formParam("reason", "x")
                .when()
                .post("/hosts/override")
                .then()
                .statusCode(303)
                .extract();
        given().cookie("planner-session", session)
                .cookie("planner-flash", unknownClass.cookie("planner-flash"))
                .when()
                .get("/hosts")
                .then()
                .body(containsString("classification: one of TRIVIAL, OUTAGE_REQUIRED, UP_TO_DATE, UNKNOWN"))
                .body(org.hamcrest.Matchers.not(containsString("No enum constant")));
    }

    @Test
    void aHostIsEditedByFormWithErrorsBesideTheirFields() {
        admin().contentType(ContentType.JSON)
                .body(Map.of("hostname", "edit.ui.test", "os", Map.of("distro", "ubuntu", "version", "12.04")))
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(201);
        String session = login("admin", "admin");
        var page = given().cookie("planner-session", session)
                .when()
                .get("/hosts/edit.ui.test/edit")
                .then()
                .statusCode(200)
                .extract();
        String token = page.cookie("planner-csrf");
        String version = page.htmlPath().getString("**.find { it.@name == 'version' }.@value");
        given().cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("version", version)
                .formParam("distro", "ubuntu")
                .formParam("osVersion", "12.04")
                .formParam("services", "ok, not ok!")
                .formParam("vars", "{broken")
                .when()
                .post("/hosts/edit.ui.test/edit")
                .then()
                .statusCode(400)
                .body(containsString("id=\"vars-error\""));
        given().cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("version", version)
                .formParam("distro", "ubuntu")
                .formParam("osVersion", "12.04")
                .formParam("services", "ok, not ok!")
                .formParam("vars", "{}")
                .when()
                .post("/hosts/edit.ui.test/edit")
                .then()
                .statusCode(400)
                .body(
                        containsString(
                                "<span class=\"error\" id=\"services-error\">use letters, digits, dots, dashes and underscores</span>"));
        given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("version", version)
                .formParam("distro", "ubuntu")
                .formParam("osVersion", "14.04")
                .formParam("services", "wiki")
                .formParam("stateful", "on")
                .formParam("vars", "{\"owner\": \"docs\"}")
                .when()
                .post("/hosts/edit.ui.test/edit")
                .then()
                .statusCode(303);
        admin().when()
                .get("/api/hosts/edit.ui.test")
                .then()
                .body("os.version", org.hamcrest.Matchers.equalTo("14.04"))
                .body("services[0]", org.hamcrest.Matchers.equalTo("wiki"))
                .body("vars.owner", org.hamcrest.Matchers.equalTo("docs"));
        given().cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("version", version)
                .formParam("distro", "ubuntu")
                .formParam("osVersion", "12.04")
                .when()
                .post("/hosts/edit.ui.test/edit")
                .then()
                .statusCode(409)
                .body(containsString("someone else changed the host"));
    }

    @Test
    void theMonthCalendarShowsWindowsOnTheirDays() {
        clock.pin(NOW);
        admin().contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "Calendar check",
                        "start",
                        "2044-03-07T20:00:00Z",
                        "end",
                        "2044-03-08T01:00:00Z",
                        "hosts",
                        java.util.List.of("zm03.openstack.org"),
                        "state",
                        "DRAFT"))
                .when()
                .post("/api/windows")
                .then()
                .statusCode(201);
        String session = login("admin", "admin");
        String html = given().cookie("planner-session", session)
                .queryParam("month", "2044-03")
                .when()
                .get("/windows/calendar")
                .then()
                .statusCode(200)
                .body(containsString("Windows in March 2044 (UTC)"))
                .body(containsString("href=\"/windows/calendar?month=2044-04\""))
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertEquals(
                2, html.split("Calendar check").length - 1, "on the 7th and the 8th");
    }

    @Test
    void theCheckEndpointReportsBreachesWithoutSaving() {
        LocalDate day = pinnedDay(30);
        String start = day + "T20:00";
        String end = day + "T22:00";
        admin().contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "Existing",
                        "start",
                        start + ":00Z",
                        "end",
                        end + ":00Z",
                        "hosts",
                        java.util.List.of("zm04.openstack.org")))
                .when()
                .post("/api/windows")
                .then()
                .statusCode(201);
        String session = login("admin", "admin");
        String token = given().cookie("planner-session", session)
                .when()
                .get("/windows")
                .then()
                .extract()
                .cookie("planner-csrf");
        given().cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("title", "Probe")
                .formParam("start", start)
                .formParam("end", end)
                .formParam("hosts", "zm04.openstack.org, nope.example.org")
                .when()
                .post("/windows/check")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("hosts", containsString("no host named `nope.example.org`"));
        given().cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("title", "Probe")
                .formParam("start", start)
                .formParam("end", end)
                .formParam("hosts", "zm04.openstack.org")
                .when()
                .post("/windows/check")
                .then()
                .statusCode(200)
                .body("hosts", containsString("zm04.openstack.org already in overlapping window"));
        admin().queryParam("host", "zm04.openstack.org")
                .when()
                .get("/api/windows")
                .then()
                .body("size()", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aWindowIsEditedByForm() {
        String day = pinnedDay(40).toString();
        int id = admin().contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "Edit me",
                        "start",
                        day + "T20:00:00Z",
                        "end",
                        day + "T21:00:00Z",
                        "hosts",
                        java.util.List.of("zm05.openstack.org")))
                .when()
                .post("/api/windows")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String session = login("admin", "admin");
        var page = given().cookie("planner-session", session)
                .when()
                .get("/windows/" + id + "/edit")
                .then()
                .statusCode(200)
                .body(containsString("value=\"" + day + "T20:00\""))
                .extract();
        String token = page.cookie("planner-csrf");
        String version = page.htmlPath().getString("**.find { it.@name == 'version' }.@value");
        given().redirects()
                .follow(false)
                .cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("version", version)
                .formParam("title", "Edited")
                .formParam("start", day + "T21:00")
                .formParam("end", day + "T23:00")
                .formParam("hosts", "zm05.openstack.org")
                .when()
                .post("/windows/" + id + "/edit")
                .then()
                .statusCode(303);
        admin().when()
                .get("/api/windows/" + id)
                .then()
                .body("title", org.hamcrest.Matchers.equalTo("Edited"))
                .body("sequence", org.hamcrest.Matchers.equalTo(1));
        given().cookie("planner-session", session)
                .cookie("planner-csrf", token)
                .contentType(ContentType.URLENC)
                .formParam("csrf-token", token)
                .formParam("version", version)
                .formParam("title", "Stale")
                .formParam("start", day + "T21:00")
                .formParam("end", day + "T23:00")
                .formParam("hosts", "zm05.openstack.org")
                .when()
                .post("/windows/" + id + "/edit")
                .then()
                .statusCode(409)
                .body(containsString("someone else changed the window"));
    }
}
