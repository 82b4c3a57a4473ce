package dev.aep.failedbatches.errors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record read from a failed file.
 *
 * @param line       1-based line number where the record starts
 * @param json       the record, or {@code null} when it is not valid JSON
 * @param parseError why the record is not valid JSON, or {@code null}
 */
public record FailedRecord(int line, JsonNode json, String parseError) {
}
