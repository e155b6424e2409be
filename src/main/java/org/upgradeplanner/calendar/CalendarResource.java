package org.upgradeplanner.calendar;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.upgradeplanner.support.HttpDates;
import org.upgradeplanner.support.PlannerException;

/** The public outage calendars, for any iCalendar client to subscribe to. */
@Path("/calendar")
@PermitAll
public class CalendarResource {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final CalendarService calendars;
    private final CampaignCalendar campaigns;

    CalendarResource(CalendarService calendars, CampaignCalendar campaigns) {
        this.calendars = calendars;
        this.campaigns = campaigns;
    }

    @GET
    @Path("outages.ics")
    public Response outages(
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return answer(CalendarService.Scope.ALL, null, ifNoneMatch, ifModifiedSince);
    }

    @GET
    @Path("hosts/{hostname}.ics")
    public Response host(
            @PathParam("hostname") String hostname,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return answer(CalendarService.Scope.HOST, hostname, ifNoneMatch, ifModifiedSince);
    }

    @GET
    @Path("services/{service}.ics")
    public Response service(
            @PathParam("service") String service,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return answer(CalendarService.Scope.SERVICE, service, ifNoneMatch, ifModifiedSince);
    }

    /** A campaign's sprint days (all-day events, not outages), for volunteers to subscribe to. */
    @GET
    @Path("campaigns/{id}.ics")
    public Response campaign(
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return answer(campaigns.feed(id), ifNoneMatch, ifModifiedSince);
    }

    private Response answer(CalendarService.Scope scope, String name, String ifNoneMatch, String ifModifiedSince) {
        return answer(
                calendars
                        .feed(scope, name)
                        .orElseThrow(() ->
                                PlannerException.notFound("no " + scope.name().toLowerCase() + " named " + name)),
                ifNoneMatch,
                ifModifiedSince);
    }

    private static Response answer(CalendarService.Feed feed, String ifNoneMatch, String ifModifiedSince) {
        Response.ResponseBuilder r = notModified(feed, ifNoneMatch, ifModifiedSince)
                ? Response.notModified()
                : Response.ok(feed.body(), TEXT_CALENDAR);
        return r.header(HttpHeaders.ETAG, feed.etag())
                .header(HttpHeaders.LAST_MODIFIED, lastModified(feed))
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }

    static final String CACHE_CONTROL = "public, max-age=60";

    /**
     * RFC 9110 §13.2.2: If-None-Match decides when present (compared weakly, so a proxy's W/ version of our tag matches
     * too); otherwise If-Modified-Since, when it is a valid HTTP date, against {@code Last-Modified}.
     */
    static boolean notModified(CalendarService.Feed feed, String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null) {
            return Arrays.stream(ifNoneMatch.split(","))
                    .map(String::trim)
                    .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                    .anyMatch(t -> t.equals(feed.etag()) || t.equals("*"));
        }
        return HttpDates.parse(ifModifiedSince)
                .map(since -> !feed.lastModified().isAfter(since))
                .orElse(false);
    }

    static String lastModified(CalendarService.Feed feed) {
        return HttpDates.format(feed.lastModified());
    }
}
