package dev.aep.failedbatches.errors;

import java.util.Map;
import java.util.regex.Pattern;

/** Matches when every field pattern finds a match in the entry's field; an absent field never matches. */
record ClassificationRule(long number, String category, Map<RuleField, Pattern> patterns) {

    ClassificationRule {
        patterns = Map.copyOf(patterns);
    }

    boolean matches(ErrorEntry entry) {
        for (Map.Entry<RuleField, Pattern> condition : patterns.entrySet()) {
            String value = condition.getKey().valueOf(entry);
            if (value == null || !condition.getValue().matcher(value).find()) {
                return false;
            }
        }
        return true;
    }
}
