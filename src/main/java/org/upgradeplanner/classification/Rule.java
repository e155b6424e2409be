package org.upgradeplanner.classification;

import java.util.Optional;
import java.util.function.Function;

/**
 * One classification rule: when {@code test} gives a reason, the rule matches and proposes {@code result}.
 * Rules are data; {@link Rules#DEFAULT} lists them in order and the first match decides.
 */
public record Rule(String name, Classification result, Function<Subject, Optional<String>> test) {

    public Optional<String> reason(Subject subject) {
        return test.apply(subject);
    }
}
