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
 * One output event, written as one JSONL line to {@code errors/<category>/<batchId>.jsonl}. The named fields are
 * the contract's; further fields can be added with {@link #setExtra(String, Object)} and are written after them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"batchId", "category", "message", "file", "line", "code", "keyword", "pointer",
        "schemaLocation", "column", "recordId", "retrievedAt"})
public class ErrorEvent {
    private static final Set<String> CONTRACT_FIELDS = Set.of("batchId", "category", "message", "file", "line",
            "code", "keyword", "pointer", "schemaLocation", "column", "recordId", "retrievedAt");

    private String batchId;
    private String category;
    private String message;
    private String file;
    private Integer line;
    private String code;
    private String keyword;
    private String pointer;
    private String schemaLocation;
    private String column;
    private String recordId;
    private String retrievedAt;
    private final Map<String, Object> extra = new LinkedHashMap<>();

    public String getBatchId() {
        return batchId;
    }

    public void setBatchId(String batchId) {
        this.batchId = batchId;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public Integer getLine() {
        return line;
    }

    public void setLine(Integer line) {
        this.line = line;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getKeyword() {
        return keyword;
    }

    public void setKeyword(String keyword) {
        this.keyword = keyword;
    }

    public String getPointer() {
        return pointer;
    }

    public void setPointer(String pointer) {
        this.pointer = pointer;
    }

    public String getSchemaLocation() {
        return schemaLocation;
    }

    public void setSchemaLocation(String schemaLocation) {
        this.schemaLocation = schemaLocation;
    }

    public String getColumn() {
        return column;
    }

    public void setColumn(String column) {
        this.column = column;
    }

    public String getRecordId() {
        return recordId;
    }

    public void setRecordId(String recordId) {
        this.recordId = recordId;
    }

    public String getRetrievedAt() {
        return retrievedAt;
    }

    public void setRetrievedAt(String retrievedAt) {
        this.retrievedAt = retrievedAt;
    }

    /** Fields beyond the contract's, in the order they were added (read-only view). */
    @JsonAnyGetter
    public Map<String, Object> getExtra() {
        return Collections.unmodifiableMap(extra);
    }

    /**
     * Adds or replaces a field beyond the contract's; {@code null} removes it.
     *
     * @throws IllegalArgumentException for a contract field name (use its setter)
     */
    @JsonAnySetter
    public void setExtra(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (CONTRACT_FIELDS.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a contract field of ErrorEvent; use its setter");
        }
        if (value == null) {
            extra.remove(name);
        } else {
            extra.put(name, value);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ErrorEvent that)) {
            return false;
        }
        return Objects.equals(batchId, that.batchId) && Objects.equals(category, that.category)
                && Objects.equals(message, that.message) && Objects.equals(file, that.file)
                && Objects.equals(line, that.line) && Objects.equals(code, that.code)
                && Objects.equals(keyword, that.keyword) && Objects.equals(pointer, that.pointer)
                && Objects.equals(schemaLocation, that.schemaLocation) && Objects.equals(column, that.column)
                && Objects.equals(recordId, that.recordId) && Objects.equals(retrievedAt, that.retrievedAt)
                && extra.equals(that.extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(batchId, category, message, file, line, code, keyword, pointer, schemaLocation, column,
                recordId, retrievedAt, extra);
    }

    @Override
    public String toString() {
        return "ErrorEvent{batchId=" + batchId + ", category=" + category + ", file=" + file + ", line=" + line
                + ", code=" + code + ", keyword=" + keyword + ", pointer=" + pointer + ", column=" + column
                + ", recordId=" + recordId + ", message=" + message + (extra.isEmpty() ? "" : ", extra=" + extra)
                + "}";
    }
}
