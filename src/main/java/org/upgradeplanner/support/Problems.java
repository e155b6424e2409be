package org.upgradeplanner.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.upgradeplanner.support.Problem.FieldError;

/** The one table from exceptions to problem+json: no stack trace or class name ever reaches a client. */
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    private final ErrorPage pages;

    Problems(ErrorPage pages) {
        this.pages = pages;
    }

    public static Response response(int status, String title, String detail, List<FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, errors))
                .build();
    }

    /**
     * The problem document, or for a browser asking for a page of the UI the same words as an HTML page; the JSON API,
     * feeds and any client that does not put HTML first keep problem+json.
     */
    private Response answer(
            UriInfo uri, HttpHeaders headers, int status, String title, String detail, List<FieldError> errors) {
        if (wantsPage(uri.getPath(), headers.getHeaderString(HttpHeaders.ACCEPT))) {
            return page(status, title, detail);
        }
        return response(status, title, detail, errors);
    }

    @ServerExceptionMapper
    public Response planner(PlannerException e, UriInfo uri, HttpHeaders headers) {
        return answer(uri, headers, e.kind().status, e.kind().title, e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return answer(uri, headers, 400, "Invalid request", detail, errors);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response staleWrite(Exception e, UriInfo uri, HttpHeaders headers) {
        return answer(
                uri,
                headers,
                409,
                "Conflict",
                "Someone else changed this record since you read it: reload it and apply your change again.",
                List.of(new FieldError("version", "stale version")));
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class
    })
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : "";
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        // Jackson's own words name Java types; say it in the API's terms instead.
        String message =
                e instanceof JsonMappingException ? "a value of the wrong type or shape" : "not well-formed JSON";
        return response(
                400,
                "Invalid request",
                "Malformed JSON" + (field.isEmpty() ? "" : " in field '" + field + "'") + where + ": " + message,
                List.of(new FieldError(field.isEmpty() ? "body" : field, message)));
    }

    @ServerExceptionMapper
    public Response refusedByTheDatabase(
            org.hibernate.exception.ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        return answer(
                uri,
                headers,
                409,
                "Conflict",
                "The change conflicts with data stored meanwhile (for example a duplicate name): reload and try again.",
                List.of());
    }

    @ServerExceptionMapper
    public Response unstorableValue(org.hibernate.exception.DataException e, UriInfo uri, HttpHeaders headers) {
        return answer(
                uri,
                headers,
                400,
                "Invalid request",
                "A value cannot be stored: too long, or it contains a character such as NUL.",
                List.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(Exception e, UriInfo uri) {
        if (isPage(uri)) {
            return Redirects.seeOther("/login");
        }
        return Response.fromResponse(response(401, "Unauthorized", "A valid login is required.", List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Upgrade Planner\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        if (isPage(uri)) {
            return page(403, "Forbidden", "Your account may not open this page.");
        }
        return response(403, "Forbidden", "Your account may not do this.", List.of());
    }

    /** Web UI pages answer a missing login with the login page, not a problem document. */
    private static boolean isPage(UriInfo uri) {
        return isPage(uri.getPath());
    }

    /** Whether a path is one of the web UI's pages: not the JSON API, the management endpoints or the public feeds. */
    public static boolean isPage(String path) {
        return !path.startsWith("/api/")
                && !path.equals("/api")
                && !path.startsWith("/q/")
                && !path.startsWith("/calendar/");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return internalError(uri, headers);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        if (status == 413 && isPage(uri)) {
            return page(
                    413,
                    "Too large",
                    "What you sent is larger than this service takes: an inventory file up to 20 MB,"
                            + " a form field up to 64 KB. Nothing was changed.");
        }
        if (status == 404 && wantsPage(uri.getPath(), headers.getHeaderString(HttpHeaders.ACCEPT))) {
            // JAX-RS's own words ("HTTP 404 Not Found") say nothing to a person.
            return page(404, "Not found", "There is no page at this address.");
        }
        return answer(uri, headers, status, reason, e.getMessage() == null ? reason : e.getMessage(), List.of());
    }

    /** The one answer for a failure of the server: no detail leaves it, the log has them. */
    private Response internalError(UriInfo uri, HttpHeaders headers) {
        return answer(
                uri,
                headers,
                500,
                "Internal error",
                "The request failed on the server; the log has the details.",
                List.of());
    }

    private Response page(int status, String title, String message) {
        return Response.status(status)
                .type("text/html;charset=utf-8")
                .entity(pages.html(status, title, message))
                .build();
    }

    /**
     * Whether a request is a browser's asking for a page: a path of the web UI (not /api, /q or the feeds) and an Accept
     * header that names HTML above any JSON. {@code *}{@code /*} alone, as programs send it, is no preference for HTML.
     */
    public static boolean wantsPage(String path, String accept) {
        if (path == null || !isPage(path) || accept == null) {
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

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        if (DatabaseUnavailable.busy(e)) {
            return unavailable(
                    e, "The database was busy with a conflicting change; nothing was changed. Try again.", 1);
        }
        if (DatabaseUnavailable.causes(e)) {
            return unavailable(
                    e, "The database cannot be reached just now; nothing was changed. Try again in a few seconds.", 5);
        }
        LOG.error("Unexpected failure", e);
        return internalError(uri, headers);
    }

    private static Response unavailable(Exception e, String detail, int retryAfterSeconds) {
        LOG.warnf("Answered 503: %s", e.getMessage());
        return Response.fromResponse(response(503, "Service Unavailable", detail, List.of()))
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds))
                .build();
    }

    /** An Error (out of memory, say) fails this request only; the answer keeps the API's one error format. */
    @ServerExceptionMapper
    public Response fatal(Error e, UriInfo uri, HttpHeaders headers) {
        LOG.error("Request failed with an error", e);
        return internalError(uri, headers);
    }

    private static String fieldName(ConstraintViolation<?> v) {
        // "create.body.hostname" -> "hostname"; "list.size" -> "size"
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length <= 2
                ? parts[parts.length - 1]
                : String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
