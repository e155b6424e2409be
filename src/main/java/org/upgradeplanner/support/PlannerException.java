package org.upgradeplanner.support;

import java.util.List;
import org.upgradeplanner.support.Problem.FieldError;

/** A domain failure that the caller can act on; {@link Problems} turns it into problem+json. */
public class PlannerException extends RuntimeException {

    public enum Kind {
        INVALID(400, "Invalid request"),
        NOT_FOUND(404, "Not found"),
        CONFLICT(409, "Conflict");

        final int status;
        final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }
    }

    private final Kind kind;
    private final List<FieldError> errors;

    public PlannerException(Kind kind, String detail, List<FieldError> errors) {
        super(detail);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public static PlannerException invalid(String field, String message) {
        return new PlannerException(Kind.INVALID, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static PlannerException invalid(String detail, List<FieldError> errors) {
        return new PlannerException(Kind.INVALID, detail, errors);
    }

    /** Every bad field of a request at once: the detail names the one, or counts them. */
    public static PlannerException invalid(List<FieldError> errors) {
        return invalid(
                errors.size() == 1
                        ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid",
                errors);
    }

    /** The request's JSON body; a missing one is a 400 that names it. */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw invalid("body", "a JSON body is required");
        }
        return body;
    }

    public static PlannerException notFound(String detail) {
        return new PlannerException(Kind.NOT_FOUND, detail, List.of());
    }

    public static PlannerException conflict(String detail, List<FieldError> errors) {
        return new PlannerException(Kind.CONFLICT, detail, errors);
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
