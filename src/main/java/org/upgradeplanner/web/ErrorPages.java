package org.upgradeplanner.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.upgradeplanner.support.Problems;

/**
 * An error as a page of the UI, for a browser: the layout, what went wrong in a sentence, a way back. Programs (the
 * JSON API, feeds, anything that does not ask for HTML first) keep their problem+json; {@link Problems} decides.
 */
@ApplicationScoped
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    /** The page, rendered; title and message are this service's own words or a domain message (escaped). */
    public static String html(int status, String title, String message) {
        return Templates.error(status, title, message).render();
    }

    public static Response response(int status, String title, String message) {
        return Response.status(status)
                .type("text/html;charset=utf-8")
                .entity(html(status, title, message))
                .build();
    }

    /**
     * Whether a request is a browser's asking for a page: a path of the web UI (not /api, /q or the feeds) and an Accept
     * header that names HTML above any JSON. {@code *}{@code /*} alone, as programs send it, is no preference for HTML.
     */
    public static boolean wantsPage(String path, String accept) {
        if (path == null || !Problems.isPage(path) || accept == null) {
            return false;
        }
        double html = 0;
        double json = 0;
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";");
            String type = pieces[0].strip().toLowerCase(java.util.Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, q);
            } else if (type.contains("json")) {
                json = Math.max(json, q);
            }
        }
        return html > 0 && html > json;
    }

    /**
     * A path nothing serves (no resource, no static file) answers a browser with the 404 page instead of Vert.x's bare
     * one; every other client keeps the default answer.
     */
    void install(@Observes Router router) {
        router.route().last().handler(rc -> {
            if (!rc.response().ended()
                    && wantsPage(rc.normalizedPath(), rc.request().getHeader(HttpHeaders.ACCEPT))) {
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
