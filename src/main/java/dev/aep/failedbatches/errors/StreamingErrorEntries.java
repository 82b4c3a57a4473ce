package dev.aep.failedbatches.errors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The error entries of the common record shape, read in one streaming pass instead of a tree per record: an object
 * whose {@code _errors._streamingValidation} / {@code _errors._validationErrors} / {@code _validationErrors} are arrays
 * of flat error objects with text fields, and whose {@code body.xdmEntity._id} is text. Anything else (escaped JSON in
 * strings, nested causes, row errors, problem reports, no entries, duplicate keys that matter, invalid JSON) answers
 * {@code null}, and the record is read as a tree by {@link ErrorExtractor}, which stays the reference: for the shapes
 * accepted here both give the same entries.
 */
final class StreamingErrorEntries {

    private final JsonFactory factory;

    StreamingErrorEntries(JsonFactory factory) {
        this.factory = factory;
    }

    /** The entries of the record on this line, or {@code null} when the tree reader must decide. */
    List<ErrorEntry> extract(String line) {
        try (JsonParser parser = factory.createParser(line)) {
            return read(parser);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The entries of the record in {@code length} UTF-8 bytes from {@code offset}, or {@code null}: see above. */
    List<ErrorEntry> extract(byte[] utf8, int offset, int length) {
        try (JsonParser parser = factory.createParser(utf8, offset, length)) {
            return read(parser);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private List<ErrorEntry> read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        List<Raw> entries = new ArrayList<>();
        String recordId = null;
        boolean errorsSeen = false;
        boolean validationSeen = false;
        boolean bodySeen = false;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "_errors" -> {
                    if (errorsSeen || value != JsonToken.START_OBJECT || !readErrors(parser, entries)) {
                        return null;
                    }
                    errorsSeen = true;
                }
                case "_validationErrors" -> {
                    if (validationSeen || !readArray(parser, value, ErrorEntry.VALIDATION_ERRORS, entries)) {
                        return null;
                    }
                    validationSeen = true;
                }
                case "body" -> {
                    if (bodySeen || value != JsonToken.START_OBJECT) {
                        return null;
                    }
                    bodySeen = true;
                    String[] id = readBody(parser);
                    if (id == null) {
                        return null;
                    }
                    recordId = id[0];
                }
                case "_corrupt_record", "report" -> {
                    return null;
                }
                default -> parser.skipChildren();
            }
        }
        // trailing content after the record is an error the tree reader reports
        if (parser.nextToken() != null || entries.isEmpty()) {
            return null;
        }
        String cappedId = ErrorExtractor.cap(recordId);
        List<ErrorEntry> result = new ArrayList<>(entries.size());
        for (Raw raw : entries) {
            result.add(raw.toEntry(cappedId));
        }
        return result;
    }

    /** {@code _errors}: its streaming entries first, then its validation entries (the tree reader's order). */
    private boolean readErrors(JsonParser parser, List<Raw> entries) throws IOException {
        List<Raw> streaming = null;
        List<Raw> validation = null;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            if ("_streamingValidation".equals(name) || "_validationErrors".equals(name)) {
                boolean isStreaming = "_streamingValidation".equals(name);
                if ((isStreaming ? streaming : validation) != null) {
                    return false;
                }
                List<Raw> list = new ArrayList<>();
                if (!readArray(parser, value, isStreaming ? ErrorEntry.STREAMING_VALIDATION : ErrorEntry.VALIDATION_ERRORS,
                        list)) {
                    return false;
                }
                if (isStreaming) {
                    streaming = list;
                } else {
                    validation = list;
                }
            } else {
                parser.skipChildren();
            }
        }
        if (streaming != null) {
            entries.addAll(streaming);
        }
        if (validation != null) {
            entries.addAll(validation);
        }
        return true;
    }

    /** An array of flat error objects; anything else is left to the tree reader. */
    private boolean readArray(JsonParser parser, JsonToken start, String source, List<Raw> entries) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            return false;
        }
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                return false;
            }
            Raw raw = readError(parser, source);
            if (raw == null) {
                return false;
            }
            entries.add(raw);
        }
        return true;
    }

    private Raw readError(JsonParser parser, String source) throws IOException {
        String[] fields = new String[Field.COUNT];
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            if ("causingExceptions".equals(name)) {
                return null;
            }
            int field = Field.indexOf(name);
            if (field >= 0) {
                if (value == JsonToken.VALUE_STRING) {
                    fields[field] = parser.getText();
                } else if (value == JsonToken.VALUE_NULL) {
                    fields[field] = null; // the last duplicate wins, as in a tree
                } else {
                    return null; // numbers, objects, arrays: their text form is the tree reader's
                }
            } else {
                parser.skipChildren();
            }
        }
        String message = first(fields, Field.MESSAGE, Field.DESCRIPTION, Field.DETAIL);
        return message == null ? null : new Raw(source, message, fields);
    }

    /** {@code body}: element 0 holds the text of {@code xdmEntity._id} (null when absent or null); null to give up. */
    private String[] readBody(JsonParser parser) throws IOException {
        String[] id = {null};
        boolean entitySeen = false;
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken value = parser.nextToken();
            if (!"xdmEntity".equals(name)) {
                parser.skipChildren();
                continue;
            }
            if (entitySeen || value != JsonToken.START_OBJECT) {
                return null;
            }
            entitySeen = true;
            boolean idSeen = false;
            String field;
            while ((field = parser.nextFieldName()) != null) {
                JsonToken idValue = parser.nextToken();
                if (!"_id".equals(field)) {
                    parser.skipChildren();
                    continue;
                }
                if (idSeen || (idValue != JsonToken.VALUE_STRING && idValue != JsonToken.VALUE_NULL)) {
                    return null;
                }
                idSeen = true;
                id[0] = idValue == JsonToken.VALUE_STRING ? parser.getText() : null;
            }
        }
        return id;
    }

    private static String first(String[] fields, int... indexes) {
        for (int index : indexes) {
            if (fields[index] != null) {
                return fields[index];
            }
        }
        return null;
    }

    /** The fields of an error entry that are read (an index into its values), and their names. */
    private static final class Field {
        static final int MESSAGE = 0;
        static final int DESCRIPTION = 1;
        static final int DETAIL = 2;
        static final int CODE = 3;
        static final int KEYWORD = 4;
        static final int POINTER_TO_VIOLATION = 5;
        static final int POINTER = 6;
        static final int SCHEMA_LOCATION = 7;
        static final int COLUMN = 8;
        static final int COUNT = 9;

        static int indexOf(String name) {
            return switch (name) {
                case "message" -> MESSAGE;
                case "description" -> DESCRIPTION;
                case "detail" -> DETAIL;
                case "code" -> CODE;
                case "keyword" -> KEYWORD;
                case "pointerToViolation" -> POINTER_TO_VIOLATION;
                case "pointer" -> POINTER;
                case "schemaLocation" -> SCHEMA_LOCATION;
                case "column" -> COLUMN;
                default -> -1;
            };
        }
    }

    private record Raw(String source, String message, String[] fields) {
        ErrorEntry toEntry(String recordId) {
            return new ErrorEntry(source, ErrorExtractor.cap(message),
                    ErrorExtractor.cap(fields[Field.CODE]),
                    ErrorExtractor.cap(fields[Field.KEYWORD]),
                    ErrorExtractor.cap(first(fields, Field.POINTER_TO_VIOLATION, Field.POINTER)),
                    ErrorExtractor.cap(fields[Field.SCHEMA_LOCATION]),
                    ErrorExtractor.cap(fields[Field.COLUMN]),
                    recordId);
        }
    }
}
