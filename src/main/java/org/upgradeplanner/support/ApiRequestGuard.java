package org.upgradeplanner.support;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps the JSON API from being driven cross-site. A browser sends HTTP Basic credentials it has cached to any page's
 * request, and a form or a {@code fetch} without preflight can only send form, multipart or text bodies. So a write to
 * {@code /api/**} from a foreign {@code Origin} is refused (403), a form or multipart body is refused, and so is a body
 * with no {@code Content-Type} (415); other types are matched against what each endpoint declares, as JAX-RS does.
 */
public class ApiRequestGuard {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final List<MediaType> FORM_TYPES =
            List.of(MediaType.APPLICATION_FORM_URLENCODED_TYPE, MediaType.MULTIPART_FORM_DATA_TYPE);

    private final String baseOrigin;

    ApiRequestGuard(PlannerConfig config) {
        this.baseOrigin = origin(config.baseUrl());
    }

    @ServerRequestFilter(preMatching = true)
    public Response guard(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") || !WRITES.contains(request.getMethod())) {
            return null;
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !origin.equalsIgnoreCase(baseOrigin) && !origin.equalsIgnoreCase(ownOrigin(http))) {
            return Problems.response(
                    403,
                    "Forbidden",
                    "Cross-site request refused: the API takes writes from programs and from this"
                            + " service's own pages, not from pages of " + origin + ".",
                    List.of());
        }
        MediaType type = request.getMediaType();
        if (!hasBody(request)) {
            return null; // an action with nothing to read (schedule, mark sent): clients differ in what type they name
        }
        if (type == null) {
            return unsupported("a body needs a Content-Type header, e.g. application/json");
        }
        if (FORM_TYPES.stream().anyMatch(type::isCompatible)) {
            return unsupported("the API reads JSON (or an inventory or calendar as its endpoint says), not form data");
        }
        return null;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length != null ? !length.trim().equals("0") : request.getHeaderString("Transfer-Encoding") != null;
    }

    private static Response unsupported(String detail) {
        return Problems.response(
                415, "Unsupported Media Type", detail, List.of(new Problem.FieldError("Content-Type", detail)));
    }

    /** The origin this request was sent to, as a browser on one of this service's pages would name it. */
    private static String ownOrigin(HttpServerRequest http) {
        String host = http.getHeader(HttpHeaders.HOST);
        return host == null ? "" : http.scheme() + "://" + host;
    }

    private static String origin(String url) {
        URI u = URI.create(url);
        return (u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()))
                .toLowerCase(Locale.ROOT);
    }
}
