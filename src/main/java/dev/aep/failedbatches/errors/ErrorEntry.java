package dev.aep.failedbatches.errors;

/**
 * A raw error entry found in a record, before classification.
 *
 * @param source where it was found: {@value #VALIDATION_ERRORS}, {@value #STREAMING_VALIDATION}, {@value #ROW_ERROR},
 *               {@value #CORRUPT_RECORD}, {@value #PROBLEM}, {@value #INVALID_JSON} or {@value #UNKNOWN}
 */
public record ErrorEntry(String source, String message, String code, String keyword, String pointer,
                         String schemaLocation, String column, String recordId) {

    /** {@code _validationErrors[]}. */
    public static final String VALIDATION_ERRORS = "validation-errors";
    /** {@code _errors._streamingValidation[]}. */
    public static final String STREAMING_VALIDATION = "streaming-validation";
    /** {@code _errors[]} of a row-error record. */
    public static final String ROW_ERROR = "row-error";
    /** {@code _errors[]} of a row-error record with {@code _corrupt_record}. */
    public static final String CORRUPT_RECORD = "corrupt-record";
    /** problem+json {@code report.message} or its causes. */
    public static final String PROBLEM = "problem";
    /** a record that is not valid JSON. */
    public static final String INVALID_JSON = "invalid-json";
    /** a record with no recognisable error entries. */
    public static final String UNKNOWN = "unknown";
}
