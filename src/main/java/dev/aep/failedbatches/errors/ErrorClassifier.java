package dev.aep.failedbatches.errors;

import java.util.Objects;

/** Gives an error entry its category: the first matching rule's, or "unclassified". */
public final class ErrorClassifier {
    private final ClassificationRules rules;

    public ErrorClassifier(ClassificationRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public String classify(ErrorEntry entry) {
        return entry == null ? ClassificationRules.UNCLASSIFIED : rules.categoryOf(entry);
    }
}
