package org.upgradeplanner.host;

import java.util.List;
import org.upgradeplanner.support.Problem.FieldError;

/** A malformed inventory: every error found, each naming the file, the line (or JSON path) and what is wrong. */
public class InventoryException extends Exception {

    private final List<FieldError> errors;

    public InventoryException(List<FieldError> errors) {
        super(
                errors.size() == 1
                        ? errors.get(0).message()
                        : errors.size() + " errors, the first: " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
