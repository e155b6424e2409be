package org.upgradeplanner.classification;

import java.util.ArrayList;
import java.util.List;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;
import org.upgradeplanner.support.Text;

/** What an admin's override must say: the class to force, and why the rules are wrong for the host. */
public final class Overrides {

    /** Longest reason kept. */
    private static final int MAX_REASON = 2000;

    private Overrides() {}

    /** The reason, cleaned of control characters; or a refusal naming each missing or bad field. */
    public static String reason(Classification classification, String reason) {
        List<FieldError> errors = new ArrayList<>();
        if (classification == null) {
            errors.add(
                    new FieldError("classification", "required: one of TRIVIAL, OUTAGE_REQUIRED, UP_TO_DATE, UNKNOWN"));
        }
        String why = null;
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "required: say why the rules are wrong for this host"));
        } else {
            try {
                why = Text.multiLine("reason", reason, MAX_REASON);
            } catch (PlannerException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw PlannerException.invalid("the override is incomplete", errors);
        }
        return why;
    }
}
