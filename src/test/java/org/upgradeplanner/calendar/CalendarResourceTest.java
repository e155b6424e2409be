package org.upgradeplanner.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.support.PinnedClockTest;
import org.upgradeplanner.window.WindowResourceTest;

@QuarkusTest
class CalendarResourceTest extends PinnedClockTest {

    /** A Monday. */
    private static final Instant NOW = Instant.parse("2042-01-06T00:00:00Z");

    @Override
    protected Instant now() {
        return NOW;
    }

    /** Each test works in its own week, a Monday 20:00 UTC. */
    private static Instant week(int n) {
        return NOW.plus(Duration.ofDays(7L * n)).plus(Duration.ofHours(20));
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static VEvent event(Calendar c, String uid) {
        return c.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> e.getUid().map(u -> u.getValue().equals(uid)).orElse(false))
                .findFirst()
                .orElseThrow();
    }

    private static String prop(VEvent e, String name) {
        return e.getProperty(name).map(p -> p.getValue()).orElse(null);
    }

    @Test
    void theFeedPublishesEveryWindowStrictlyValid() throws Exception {
        Map<String, Object> body = WindowResourceTest.window(
                "Wiki upgrade, part 1; \"über\" fast", week(1), Duration.ofHours(2), "wiki.openstack.org");
        body.put(
                "description",
                "Line one, with commas; semicolons and a backslash \\\nLine two: ünïcödé ✓ 日本語 😀 "
                        + "and a very long sentence that goes on and on so that the folded line must wrap more than once in the feed.");
        Map<String, Object> created =
                WindowResourceTest.post(body).statusCode(201).extract().as(Map.class);
        Map<String, Object> draft =
                WindowResourceTest.window("Not published", week(2), Duration.ofHours(1), "paste.openstack.org");
        draft.put("state", "DRAFT");
        String draftUid =
                WindowResourceTest.post(draft).statusCode(201).extract().path("uid");

        Response r = given().when().get("/calendar/outages.ics");
        r.then().statusCode(200).contentType("text/calendar; charset=utf-8");
        String ics = r.asString();
        FoldingTest.assertWellFolded(ics);
        assertFalse(ics.contains(draftUid), "drafts are not published");
        int draftId = given().auth()
                .preemptive()
                .basic("admin", "admin")
                .queryParam("state", "DRAFT")
                .when()
                .get("/api/windows")
                .then()
                .extract()
                .path("find { it.uid == '" + draftUid + "' }.id");
        WindowResourceTest.action(draftId, "cancel", Map.of("reason", "discarded proposal"))
                .statusCode(200);
        assertFalse(
                given().when().get("/calendar/outages.ics").asString().contains(draftUid),
                "nor are drafts cancelled unpublished");
        given().when().get("/outages").then().body(not(containsString("Not published")));

        Calendar c = parse(ics);
        ValidationResult result = c.validate();
        assertFalse(result.hasErrors(), result.toString());
        assertEquals("PUBLISH", c.getProperty("METHOD").orElseThrow().getValue());
        assertEquals("PT1H", c.getProperty("REFRESH-INTERVAL").orElseThrow().getValue());
        assertTrue(ics.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"));
        assertTrue(ics.contains("X-PUBLISHED-TTL:PT1H\r\n"));
        VEvent e = event(c, (String) created.get("uid"));
        assertEquals("Wiki upgrade, part 1; \"über\" fast", prop(e, "SUMMARY"));
        assertTrue(prop(e, "DESCRIPTION").contains("Line two: ünïcödé ✓ 日本語 😀"));
        assertTrue(prop(e, "DESCRIPTION").startsWith("Hosts: wiki.openstack.org\nServices: mediawiki\n"));
        assertEquals("0", prop(e, "SEQUENCE"));
        assertEquals("TENTATIVE", prop(e, "STATUS"));
        assertTrue(ics.contains("DTSTART:"
                + week(1).toString().replace("-", "").replace(":", "").replace(".000", "")));
        assertEquals("mailto:infra@example.org", prop(e, "ORGANIZER"));
        assertTrue(ics.contains("SUMMARY:Wiki upgrade\\, part 1\\; \"über\" fast"), "TEXT values are escaped");
    }

    @Test
    void unchangedDataGivesTheSameBytesAndA304() {
        byte[] first = given().when()
                .get("/calendar/outages.ics")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        Response second = given().when().get("/calendar/outages.ics");
        assertArrayEquals(first, second.asByteArray());
        String etag = second.header("ETag");
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "a strong ETag: " + etag);
        given().header("If-None-Match", etag)
                .when()
                .get("/calendar/outages.ics")
                .then()
                .statusCode(304)
                .header("ETag", etag);
        given().header("If-None-Match", "\"other\"")
                .when()
                .get("/calendar/outages.ics")
                .then()
                .statusCode(200);
        WindowResourceTest.create(
                WindowResourceTest.window("Bump", week(3), Duration.ofHours(1), "etherpad.openstack.org"));
        given().header("If-None-Match", etag)
                .when()
                .get("/calendar/outages.ics")
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(etag)));
    }

    @Test
    void lastModifiedIsAnImfFixdateAndIfModifiedSinceIsHonoured() {
        WindowResourceTest.create(
                WindowResourceTest.window("Dated", week(8), Duration.ofHours(1), "etherpad.openstack.org"));
        Response feed = given().when().get("/calendar/services/etherpad-lite.ics");
        String lastModified = feed.header("Last-Modified");
        assertTrue(
                lastModified.matches(
                        "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"),
                "IMF-fixdate (RFC 9110 5.6.7): " + lastModified);
        given().header("If-Modified-Since", lastModified)
                .when()
                .get("/calendar/services/etherpad-lite.ics")
                .then()
                .statusCode(304)
                .header("Last-Modified", lastModified);
        given().header("If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT")
                .when()
                .get("/calendar/services/etherpad-lite.ics")
                .then()
                .statusCode(200);
        given().header("If-Modified-Since", "not a date")
                .when()
                .get("/calendar/services/etherpad-lite.ics")
                .then()
                .statusCode(200);
        // If-None-Match decides when both are sent: a tag that does not match is a 200, whatever the date says.
        given().header("If-Modified-Since", lastModified)
                .header("If-None-Match", "\"other\"")
                .when()
                .get("/calendar/services/etherpad-lite.ics")
                .then()
                .statusCode(200);
        // A change a second later moves Last-Modified: the old date no longer matches.
        clock.pin(now().plusSeconds(1));
        WindowResourceTest.create(
                WindowResourceTest.window("Dated again", week(9), Duration.ofHours(1), "etherpad.openstack.org"));
        given().header("If-Modified-Since", lastModified)
                .when()
                .get("/calendar/services/etherpad-lite.ics")
                .then()
                .statusCode(200)
                .header("Last-Modified", not(equalTo(lastModified)));
    }

    @Test
    void aWindowIsInTheFeedsOfTheServicesAndHostsThatDependOnIt() throws Exception {
        int id = WindowResourceTest.create(
                WindowResourceTest.window("MySQL upgrade", week(10), Duration.ofHours(1), "db01.openstack.org"));
        String uid = given().auth()
                .preemptive()
                .basic("admin", "admin")
                .when()
                .get("/api/windows/" + id)
                .then()
                .extract()
                .path("uid");
        String gerrit = given().when()
                .get("/calendar/services/gerrit.ics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        VEvent e = event(parse(gerrit), uid);
        String description = prop(e, "DESCRIPTION");
        assertTrue(description.contains("Also down, through dependencies:"), description);
        assertTrue(description.contains("- gerrit — review.openstack.org depends on db01.openstack.org"), description);
        assertTrue(given().when()
                .get("/calendar/hosts/review.openstack.org.ics")
                .asString()
                .contains(uid));
        assertFalse(given().when().get("/calendar/services/logs.ics").asString().contains(uid));
        given().when()
                .get("/outages")
                .then()
                .statusCode(200)
                .body(
                        org.hamcrest.Matchers.containsString(
                                "Also down, through dependencies: etherpad-lite (etherpad.openstack.org depends on db01.openstack.org);"))
                .body(org.hamcrest.Matchers.containsString(
                        "gerrit (review.openstack.org depends on db01.openstack.org)"));
    }

    @Test
    void cancelledAndRescheduledWindowsStayWithARaisedSequence() throws Exception {
        int id = WindowResourceTest.create(
                WindowResourceTest.window("Lists upgrade", week(4), Duration.ofHours(1), "lists.openstack.org"));
        String uid = given().auth()
                .preemptive()
                .basic("admin", "admin")
                .when()
                .get("/api/windows/" + id)
                .then()
                .extract()
                .path("uid");
        WindowResourceTest.action(id, "cancel", Map.of("reason", "mailman bug found"))
                .statusCode(200);
        VEvent e = event(parse(given().when().get("/calendar/outages.ics").asString()), uid);
        assertEquals("CANCELLED", prop(e, "STATUS"));
        assertEquals("1", prop(e, "SEQUENCE"));
        assertTrue(prop(e, "DESCRIPTION").startsWith("CANCELLED: mailman bug found"));
    }

    @Test
    void hostAndServiceFeedsFilterAndUnknownNamesAre404() throws Exception {
        int id = WindowResourceTest.create(
                WindowResourceTest.window("Static upgrade", week(5), Duration.ofHours(1), "static.openstack.org"));
        String uid = given().auth()
                .preemptive()
                .basic("admin", "admin")
                .when()
                .get("/api/windows/" + id)
                .then()
                .extract()
                .path("uid");
        String host = given().when()
                .get("/calendar/hosts/STATIC.openstack.org.ics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(host.contains(uid));
        assertTrue(host.contains("X-WR-CALNAME:Planned outages: static.openstack.org"));
        ValidationResult valid = parse(host).validate();
        assertFalse(valid.hasErrors(), valid.toString());
        assertFalse(given().when()
                .get("/calendar/hosts/zm01.openstack.org.ics")
                .asString()
                .contains(uid));
        assertTrue(given().when()
                .get("/calendar/services/logs.ics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .contains(uid));
        given().when()
                .get("/calendar/hosts/nope.example.org.ics")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/calendar/services/nope.ics").then().statusCode(404);
        given().when().get("/calendar/services/..%2F..%2Fetc.ics").then().statusCode(404);
    }

    @Test
    void thePublicPageEscapesWhatUsersTyped() {
        WindowResourceTest.create(WindowResourceTest.window(
                "<script>alert(1)</script> upgrade", week(6), Duration.ofHours(1), "eavesdrop.openstack.org"));
        given().when()
                .get("/outages")
                .then()
                .statusCode(200)
                .contentType("text/html")
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt; upgrade"))
                .body(not(containsString("<script>alert(1)</script>")))
                .body(containsString("webcal://localhost:8080/calendar/outages.ics"));
    }
}
