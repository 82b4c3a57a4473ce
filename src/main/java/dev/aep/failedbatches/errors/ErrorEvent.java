package dev.aep.failedbatches.errors;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One output event, written as one JSONL line to {@code errors/<category>/<batchId>.jsonl}. The named components are
 * the contract's fields, in its order, {@code null}s left out; {@code extra} holds further fields (see
 * {@link #withExtra(String, Object)}), written after them as top-level fields, never as a field named "extra".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"batchId", "category", "message", "file", "line", "code", "keyword", "pointer",
        "schemaLocation", "column", "recordId", "retrievedAt"})
public record ErrorEvent(String batchId, String category, String message, String file, Integer line, String code,
        String keyword, String pointer, String schemaLocation, String column, String recordId, String retrievedAt,
        @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) {

    private static final Set<String> CONTRACT_FIELDS = Set.of("batchId", "category", "message", "file", "line",
            "code", "keyword", "pointer", "schemaLocation", "column", "recordId", "retrievedAt");

    /** @throws IllegalArgumentException when an extra field would shadow a contract field */
    public ErrorEvent {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (extra != null) {
            extra.forEach((name, value) -> {
                Objects.requireNonNull(name, "extra field name");
                if (CONTRACT_FIELDS.contains(name)) {
                    throw new IllegalArgumentException("'" + name + "' is a contract field of ErrorEvent");
                }
                if (value != null) {
                    copy.put(name, value);
                }
            });
        }
        extra = Collections.unmodifiableMap(copy);
    }

    /** An event with only the contract's fields. */
    public ErrorEvent(String batchId, String category, String message, String file, Integer line, String code,
            String keyword, String pointer, String schemaLocation, String column, String recordId,
            String retrievedAt) {
        this(batchId, category, message, file, line, code, keyword, pointer, schemaLocation, column, recordId,
                retrievedAt, Map.of());
    }

    /**
     * This event plus (or with a replaced) field beyond the contract's, written after the contract's fields in the
     * order added; a {@code null} value removes it.
     *
     * @throws IllegalArgumentException for a contract field name
     */
    public ErrorEvent withExtra(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put(name, value);
        return new ErrorEvent(batchId, category, message, file, line, code, keyword, pointer, schemaLocation, column,
                recordId, retrievedAt, more);
    }
}
