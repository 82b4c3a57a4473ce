package dev.aep.failedbatches.errors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One record read from a failed file.
 *
 * @param line       1-based line number where the record starts
 * @param json       the record, or {@code null} when it is not valid JSON or its entries were streamed
 * @param parseError why the record is not valid JSON, or {@code null}
 * @param entries    its error entries when they were read in a streaming pass ({@code json} is then {@code null}),
 *                   else {@code null}
 */
public record FailedRecord(int line, JsonNode json, String parseError, List<ErrorEntry> entries) {

    public FailedRecord(int line, JsonNode json, String parseError) {
        this(line, json, parseError, null);
    }

    /** A record whose entries were read without building its tree. */
    static FailedRecord streamed(int line, List<ErrorEntry> entries) {
        return new FailedRecord(line, null, null, List.copyOf(entries));
    }
}
