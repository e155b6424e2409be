package org.upgradeplanner.support;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused here, before anything reads it,
 * with the service's one error format (problem+json for the API, a page for the web UI); Quarkus' own refusal at
 * that point is an empty 413. A chunked body with no length is still cut off by Quarkus itself.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;
    private final ErrorPage pages;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max, ErrorPage pages) {
        this.maxBytes = max.asLongValue();
        this.pages = pages;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length.trim())) {
                boolean page = Problems.isPage(rc.normalizedPath());
                String detail = "The body is larger than this service takes (" + (maxBytes >> 20)
                        + " MB); nothing was changed.";
                rc.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .putHeader(HttpHeaders.CONTENT_TYPE, page ? "text/html;charset=utf-8" : Problem.MEDIA_TYPE)
                        .end(
                                page
                                        ? pages.html(413, "Too large", detail)
                                        : Json.write(new Problem(
                                                "about:blank",
                                                "Request Entity Too Large",
                                                413,
                                                detail,
                                                java.util.List.of())));
                return;
            }
            rc.next();
        });
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // Quarkus refuses a malformed length itself
        }
    }
}
