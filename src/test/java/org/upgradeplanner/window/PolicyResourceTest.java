package org.upgradeplanner.window;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.upgradeplanner.support.Api.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.support.PinnedClockTest;

@QuarkusTest
class PolicyResourceTest extends PinnedClockTest {

    private static final String SOURCE = "limits-test";
    /** "Now" for these tests: the freeze calendars are read from a year before it to five years after. */
    private static final Instant NOW = Instant.parse("2045-01-02T00:00:00Z");

    @Override
    protected Instant now() {
        return NOW;
    }

    private static String calendar(List<String> events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + String.join("", events)
                + "END:VCALENDAR\r\n";
    }

    private static String event(int i, String dtstart, String extra) {
        return "BEGIN:VEVENT\r\nUID:e" + i + "@test\r\nDTSTAMP:20160101T000000Z\r\nDTSTART;VALUE=DATE:" + dtstart
                + "\r\n" + extra + "SUMMARY:Freeze " + i + "\r\nEND:VEVENT\r\n";
    }

    /** Sent as text/calendar without a charset (REST Assured would add ISO-8859-1): the service reads UTF-8. */
    private static ValidatableResponse importFreezes(byte[] body) {
        var noDefaultCharset = RestAssured.config()
                .encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
        return admin().config(noDefaultCharset)
                .contentType("text/calendar")
                .body(body)
                .queryParam("source", SOURCE)
                .when()
                .post("/api/policy/freezes")
                .then();
    }

    @Test
    void aCalendarOfThousandsOfDailyEventsIsA400NamingTheFirst() {
        String start = NOW.plus(Duration.ofDays(30)).toString().substring(0, 10).replace("-", "");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            events.add(event(i, start, "RRULE:FREQ=DAILY\r\n"));
        }
        importFreezes(calendar(events).getBytes(StandardCharsets.UTF_8))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body(
                        "errors[0].message",
                        allOf(
                                startsWith("not a usable iCalendar file: event `Freeze 14` (UID e14@test, line "),
                                containsString("the calendar brings more than 10,000 freeze periods")));
        admin().when()
                .get("/api/policy")
                .then()
                .body("freezes.findAll { it.label.contains('" + SOURCE + "') }.size()", equalTo(0));
    }

    @Test
    void aFreezeBeyondTheHorizonIsA400NamingTheEvent() {
        importFreezes(calendar(List.of(event(1, "99990101", ""))).getBytes(StandardCharsets.UTF_8))
                .statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body(
                        "errors[0].message",
                        allOf(
                                startsWith("not a usable iCalendar file: event `Freeze 1` (UID e1@test, line "),
                                containsString("starts 9999-01-01, after "),
                                containsString("planner.policy.horizon")));
    }

    @Test
    void aCalendarThatIsNotTextIsA400NamingTheBody() {
        byte[] latin1 = calendar(List.of(event(1, "20300101", "")))
                .replace("Freeze 1", "Gel\u00e9e")
                .getBytes(StandardCharsets.ISO_8859_1);
        importFreezes(latin1)
                .statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", startsWith("not valid UTF-8 text: byte "));
    }

    @Test
    void aSummaryWithLineBreaksIsStoredOnOneLine() {
        String start =
                NOW.plus(Duration.ofDays(400)).toString().substring(0, 10).replace("-", "");
        String ics =
                calendar(List.of(event(1, start, ""))).replace("SUMMARY:Freeze 1", "SUMMARY:Release\\nweek\tfreeze");
        importFreezes(ics.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("freezes", equalTo(1));
        admin().when().get("/api/policy").then().body("freezes.label", hasItem("Release week freeze (" + SOURCE + ")"));
        admin().queryParam("source", SOURCE)
                .when()
                .delete("/api/policy/freezes")
                .then()
                .statusCode(200)
                .body("freezes", equalTo(1));
    }
}
