package org.upgradeplanner.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;
import org.upgradeplanner.support.Redirects;

/**
 * How a page shows a domain refusal ({@link PlannerException}): on the form shown again, each message beside its field;
 * after a list's button, one line of flash on the list it redirects to. On a form, a refusal because something is not
 * there is no field's to show: it goes on to the error page (404).
 */
@ApplicationScoped
public class Refusals {

    private final Flash flash;

    Refusals(Flash flash) {
        this.flash = flash;
    }

    /**
     * Post/Redirect/Get for a button of a list: runs the action, flashes the line it returns, or {@code refusedAs: why}
     * when it is refused, and redirects to {@code list}.
     */
    public Response redirect(String list, String refusedAs, Supplier<String> action) {
        try {
            flash.set(action.get());
        } catch (PlannerException e) {
            flash.set(refusedAs + ": " + e.getMessage());
        }
        return Redirects.seeOther(list);
    }

    /** The refusal's field errors by form field, added to {@code errors}. */
    static Map<String, String> beside(PlannerException e, Map<String, String> errors) {
        return beside(shown(e).errors(), errors);
    }

    /** The refusal's field errors; one that names no field is its message beside {@code field}. */
    static List<FieldError> fields(PlannerException e, String field) {
        return shown(e).errors().isEmpty() ? List.of(new FieldError(field, e.getMessage())) : e.errors();
    }

    /**
     * Field errors by form field, added to {@code errors}: {@code hosts[2]} is the hosts field, {@code os.distro} the
     * distro field; several messages for one field are joined.
     */
    static Map<String, String> beside(List<FieldError> found, Map<String, String> errors) {
        found.forEach(f -> errors.merge(
                f.field()
                        .replaceAll("\\[\\d+]$", "")
                        .replace("os.distro", "distro")
                        .replace("os.version", "osVersion"),
                f.message(),
                (a, b) -> a + "; " + b));
        return errors;
    }

    /** The form again, its messages beside their fields, answered with the refusal's status. */
    static Response page(int status, TemplateInstance form) {
        return Response.status(status).type(MediaType.TEXT_HTML).entity(form).build();
    }

    private static PlannerException shown(PlannerException e) {
        if (e.kind() == PlannerException.Kind.NOT_FOUND) {
            throw e;
        }
        return e;
    }
}
