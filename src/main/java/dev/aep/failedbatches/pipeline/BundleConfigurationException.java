package dev.aep.failedbatches.pipeline;

import java.util.List;

/** The bundle cannot start as configured; each problem names the property (or variable) to fix. */
public final class BundleConfigurationException extends IllegalArgumentException {

    private final List<String> problems;

    public BundleConfigurationException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
