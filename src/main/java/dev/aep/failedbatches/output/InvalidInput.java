package dev.aep.failedbatches.output;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * An inbox line that is not a batch ID (or a whole file that is not a list of them, {@code line} 0):
 * {@code dead-letter/invalid-input/<source>-line-<n>.json}. The value is cut at 200 characters.
 */
public record InvalidInput(String status, String source, int line, String value, String reason, String at) {

    public static InvalidInput of(String source, int line, String value, String reason, Instant at) {
        String shown = value == null ? null : value.length() > 200 ? value.substring(0, 200) + "..." : value;
        return new InvalidInput("invalid-input", source, line, shown, reason, at.toString());
    }

    @JsonIgnore
    public String fileName() {
        return OutputLayout.sanitize(source) + "-line-" + line + ".json";
    }
}
