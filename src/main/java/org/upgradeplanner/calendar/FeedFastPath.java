package org.upgradeplanner.calendar;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Subscribers poll: a feed already rendered for the current change counter is answered on the I/O thread (200 with
 * the cached bytes, or 304), before the request reaches a worker thread or the database. Anything else, including
 * a first request after a change, goes on to {@link CalendarResource}. The feeds are public, so nothing is skipped.
 */
@ApplicationScoped
public class FeedFastPath {

    private final CalendarService calendars;

    FeedFastPath(CalendarService calendars) {
        this.calendars = calendars;
    }

    void route(@Observes Router router) {
        router.route("/calendar/*").order(-100).handler(this::answer);
    }

    private void answer(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        CalendarService.Feed feed = method == HttpMethod.GET || method == HttpMethod.HEAD
                ? calendars.cached(ctx.request().path()).orElse(null)
                : null;
        if (feed == null) {
            ctx.next();
            return;
        }
        boolean notModified = CalendarResource.notModified(
                feed,
                ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH),
                ctx.request().getHeader(HttpHeaders.IF_MODIFIED_SINCE));
        var response = ctx.response()
                .putHeader(HttpHeaders.ETAG, feed.etag())
                .putHeader(HttpHeaders.LAST_MODIFIED, CalendarResource.lastModified(feed))
                .putHeader(HttpHeaders.CACHE_CONTROL, CalendarResource.CACHE_CONTROL);
        if (notModified) {
            response.setStatusCode(304).end();
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, CalendarResource.TEXT_CALENDAR);
            if (method == HttpMethod.HEAD) {
                response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(feed.body().length))
                        .end();
            } else {
                response.end(Buffer.buffer(feed.body()));
            }
        }
    }
}
