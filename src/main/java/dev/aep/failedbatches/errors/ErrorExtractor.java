package dev.aep.failedbatches.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Finds the error entries of a failed record, whatever shape AEP used: legacy {@code _validationErrors}, streaming
 * (DCVS) {@code _errors._streamingValidation}, row errors, problem+json reports, and records whose {@code header},
 * {@code body} or {@code _errors} are JSON strings holding escaped JSON.
 */
public final class ErrorExtractor {
    static final int MAX_TEXT_CHARS = 10_000;
    private static final String TRUNCATED = "...[truncated]";
    private static final int MAX_CAUSE_DEPTH = 64;
    private static final int MAX_DECODE_ROUNDS = 3;
    private static final int MAX_LISTED_FIELDS = 20;

    private final ObjectMapper mapper = SafeJson.newMapper();

    /** Entries of one record, in document order; never empty, never throws. */
    public List<ErrorEntry> extract(FailedRecord record) {
        if (record == null) {
            return List.of(unknownEntry("no record", null));
        }
        if (record.entries() != null) {
            return record.entries();
        }
        if (record.json() == null) {
            String why = record.parseError() != null ? record.parseError()
                    : "line " + record.line() + " is not valid JSON";
            return List.of(new ErrorEntry(ErrorEntry.INVALID_JSON, cap(why), null, null, null, null, null, null));
        }
        try {
            return extract(record.json());
        } catch (RuntimeException e) {
            return List.of(unknownEntry("record could not be inspected: " + e, null));
        }
    }

    private List<ErrorEntry> extract(JsonNode json) {
        String recordId = recordIdOf(json);
        List<ErrorEntry> entries = new ArrayList<>();
        if (json.isObject()) {
            boolean corrupt = json.has("_corrupt_record");
            for (Map.Entry<String, JsonNode> field : json.properties()) {
                switch (field.getKey()) {
                    case "_validationErrors" -> addEntries(entries, ErrorEntry.VALIDATION_ERRORS,
                            decoded(field.getValue()), recordId);
                    case "_errors" -> addErrors(entries, decoded(field.getValue()), corrupt, recordId);
                    case "report" -> addProblemReport(entries, decoded(field.getValue()), recordId);
                    default -> { }
                }
            }
            if (entries.isEmpty() && json.has("title") && json.has("status")) {
                String message = firstText(json, "detail", "title");
                entries.add(entry(ErrorEntry.PROBLEM, message, null, recordId));
            }
        }
        if (entries.isEmpty()) {
            entries.add(unknownEntry(describe(json), recordId));
        }
        return entries;
    }

    private void addErrors(List<ErrorEntry> entries, JsonNode errors, boolean corrupt, String recordId) {
        if (errors.isObject()) {
            addEntries(entries, ErrorEntry.STREAMING_VALIDATION, decoded(errors.path("_streamingValidation")),
                    recordId);
            addEntries(entries, ErrorEntry.VALIDATION_ERRORS, decoded(errors.path("_validationErrors")), recordId);
        } else if (errors.isArray()) {
            addEntries(entries, corrupt ? ErrorEntry.CORRUPT_RECORD : ErrorEntry.ROW_ERROR, errors, recordId);
        } else if (errors.isValueNode() && !errors.isNull()) {
            entries.add(entry(ErrorEntry.UNKNOWN, errors.asText(), null, recordId));
        }
    }

    /** A report with schema causes yields the causes; otherwise its message is the one entry. */
    private void addProblemReport(List<ErrorEntry> entries, JsonNode report, String recordId) {
        if (!report.isObject()) {
            return;
        }
        int before = entries.size();
        JsonNode cause = decoded(report.path("cause"));
        if (cause.isObject()) {
            addEntries(entries, ErrorEntry.PROBLEM, decoded(cause.path("_streamingValidation")), recordId);
            addEntries(entries, ErrorEntry.PROBLEM, decoded(cause.path("_validationErrors")), recordId);
        } else if (cause.isArray()) {
            addEntries(entries, ErrorEntry.PROBLEM, cause, recordId);
        }
        if (entries.size() == before && report.has("message")) {
            entries.add(entry(ErrorEntry.PROBLEM, textOf(report.get("message")), report, recordId));
        }
    }

    /** Adds the leaf entries of an error array (or of a single error object or text). */
    private void addEntries(List<ErrorEntry> entries, String source, JsonNode errors, String recordId) {
        if (errors.isArray()) {
            for (JsonNode error : errors) {
                addLeaves(entries, source, decoded(error), recordId, 0);
            }
        } else {
            addLeaves(entries, source, errors, recordId, 0);
        }
    }

    private void addLeaves(List<ErrorEntry> entries, String source, JsonNode error, String recordId, int depth) {
        if (error.isObject()) {
            JsonNode causes = decoded(error.path("causingExceptions"));
            if (causes.isArray() && !causes.isEmpty() && depth < MAX_CAUSE_DEPTH) {
                for (JsonNode cause : causes) {
                    addLeaves(entries, source, decoded(cause), recordId, depth + 1);
                }
                return;
            }
            String message = firstText(error, "message", "description", "detail");
            entries.add(entry(source, message != null ? message : compact(error), error, recordId));
        } else if (error.isValueNode() && !error.isNull()) {
            entries.add(entry(source, error.asText(), null, recordId));
        }
    }

    private ErrorEntry entry(String source, String message, JsonNode error, String recordId) {
        JsonNode fields = error == null ? mapper.missingNode() : error;
        return new ErrorEntry(source, cap(message != null ? message : "(no message)"),
                firstText(fields, "code"),
                firstText(fields, "keyword"),
                firstText(fields, "pointerToViolation", "pointer"),
                firstText(fields, "schemaLocation"),
                firstText(fields, "column"),
                recordId);
    }

    private ErrorEntry unknownEntry(String message, String recordId) {
        return new ErrorEntry(ErrorEntry.UNKNOWN, cap(message), null, null, null, null, null, recordId);
    }

    private String recordIdOf(JsonNode json) {
        JsonNode id = decoded(decoded(json.path("body")).path("xdmEntity")).path("_id");
        return id.isValueNode() && !id.isNull() ? cap(id.asText()) : null;
    }

    /** A JSON string holding escaped JSON, as AEP sometimes writes header/body/_errors, becomes that JSON. */
    private JsonNode decoded(JsonNode node) {
        for (int round = 0; round < MAX_DECODE_ROUNDS && node.isTextual(); round++) {
            String text = node.asText().strip();
            if (!(text.startsWith("{") || text.startsWith("[") || text.startsWith("\""))) {
                break;
            }
            try {
                node = mapper.readTree(text);
            } catch (JsonProcessingException e) {
                break;
            }
        }
        return node == null ? mapper.missingNode() : node;
    }

    private String firstText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return cap(textOf(value));
            }
        }
        return null;
    }

    private String textOf(JsonNode value) {
        return value.isValueNode() ? value.asText() : compact(value);
    }

    private static String compact(JsonNode node) {
        return cap(node.toString());
    }

    private static String describe(JsonNode json) {
        if (!json.isObject()) {
            return "record has no recognisable error entries (it is a JSON " + json.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT) + ", not an object)";
        }
        StringJoiner fields = new StringJoiner(", ", "[", "]");
        int listed = 0;
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (listed++ == MAX_LISTED_FIELDS) {
                fields.add("...");
                break;
            }
            fields.add(name.length() > 100 ? name.substring(0, 100) + "..." : name);
        }
        return "record has no recognisable error entries (fields: " + fields + ")";
    }

    /** Caps text at {@value #MAX_TEXT_CHARS} characters, marking the cut and not splitting a surrogate pair. */
    static String cap(String text) {
        if (text == null || text.length() <= MAX_TEXT_CHARS) {
            return text;
        }
        int cut = MAX_TEXT_CHARS - TRUNCATED.length();
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + TRUNCATED;
    }
}
