package org.upgradeplanner.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.upgradeplanner.support.ErrorPage;
import org.upgradeplanner.support.Problems;

/**
 * An error as a page of the UI, for a browser: the layout, what went wrong in a sentence, a way back. Programs (the
 * JSON API, feeds, anything that does not ask for HTML first) keep their problem+json; {@link Problems} decides.
 */
@ApplicationScoped
public class ErrorPages implements ErrorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    @Override
    public String html(int status, String title, String message) {
        return Templates.error(status, title, message).render();
    }

    /**
     * A path nothing serves (no resource, no static file) answers a browser with the 404 page instead of Vert.x's bare
     * one; every other client keeps the default answer.
     */
    void install(@Observes Router router) {
        router.route().last().handler(rc -> {
            if (!rc.response().ended()
                    && Problems.wantsPage(rc.normalizedPath(), rc.request().getHeader(HttpHeaders.ACCEPT))) {
                rc.response()
                        .setStatusCode(404)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=utf-8")
                        .end(html(404, "Not found", "There is no page at this address."));
                return;
            }
            rc.next();
        });
    }
}
