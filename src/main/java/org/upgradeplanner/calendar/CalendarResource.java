package org.upgradeplanner.calendar;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.upgradeplanner.support.PlannerException;

/** The public outage calendars, for any iCalendar client to subscribe to. */
@Path("/calendar")
@PermitAll
public class CalendarResource {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final CalendarService calendars;

    CalendarResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GET
    @Path("outages.ics")
    public Response outages(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return answer(CalendarService.Scope.ALL, null, ifNoneMatch);
    }

    @GET
    @Path("hosts/{hostname}.ics")
    public Response host(
            @PathParam("hostname") String hostname, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return answer(CalendarService.Scope.HOST, hostname, ifNoneMatch);
    }

    @GET
    @Path("services/{service}.ics")
    public Response service(
            @PathParam("service") String service, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return answer(CalendarService.Scope.SERVICE, service, ifNoneMatch);
    }

    private Response answer(CalendarService.Scope scope, String name, String ifNoneMatch) {
        CalendarService.Feed feed = calendars
                .feed(scope, name)
                .orElseThrow(
                        () -> PlannerException.notFound("no " + scope.name().toLowerCase() + " named " + name));
        Response.ResponseBuilder r =
                notModified(feed, ifNoneMatch) ? Response.notModified() : Response.ok(feed.body(), TEXT_CALENDAR);
        return r.header(HttpHeaders.ETAG, feed.etag())
                .header(HttpHeaders.LAST_MODIFIED, lastModified(feed))
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }

    static final String CACHE_CONTROL = "public, max-age=60";

    static boolean notModified(CalendarService.Feed feed, String ifNoneMatch) {
        // RFC 9110: If-None-Match compares weakly, so a proxy's W/ version of our tag matches too.
        return ifNoneMatch != null
                && Arrays.stream(ifNoneMatch.split(","))
                        .map(String::trim)
                        .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                        .anyMatch(t -> t.equals(feed.etag()) || t.equals("*"));
    }

    static String lastModified(CalendarService.Feed feed) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(feed.lastModified().atOffset(ZoneOffset.UTC));
    }
}
