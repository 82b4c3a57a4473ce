package dev.aep.failedbatches.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorExtractorTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final ErrorExtractor extractor = new ErrorExtractor();

    private List<ErrorEntry> extract(String json) throws Exception {
        return extractor.extract(new FailedRecord(1, mapper.readTree(json), null));
    }

    @Test
    void legacyValidationErrorsKeepKeywordPointerAndSchemaLocation() throws Exception {
        List<ErrorEntry> entries = extract("{\"_validationErrors\":[{\"causingExceptions\":[],\"keyword\":\"format\","
                + "\"message\":\"bad date\",\"pointerToViolation\":\"#/timestamp\","
                + "\"schemaLocation\":\"#/properties/timestamp\"}]}");

        assertThat(entries).containsExactly(new ErrorEntry("validation-errors", "bad date", null, "format",
                "#/timestamp", "#/properties/timestamp", null, null));
    }

    @Test
    void anEntryIsReplacedByItsLeafCausesRecursively() throws Exception {
        List<ErrorEntry> entries = extract("{\"_validationErrors\":[{\"message\":\"2 schema violations found\","
                + "\"causingExceptions\":[{\"message\":\"a\",\"keyword\":\"type\",\"causingExceptions\":[]},"
                + "{\"message\":\"wrapper\",\"causingExceptions\":[{\"message\":\"b1\"},{\"message\":\"b2\"}]}]},"
                + "{\"message\":\"c\"}]}");

        assertThat(entries).extracting(ErrorEntry::message).containsExactly("a", "b1", "b2", "c");
        assertThat(entries.get(0).keyword()).isEqualTo("type");
    }

    @Test
    void streamingValidationEntriesInDocumentOrderWithRecordId() throws Exception {
        List<ErrorEntry> entries = extract("{\"body\":{\"xdmEntity\":{\"_id\":\"r-1\"}},\"_errors\":{"
                + "\"_streamingValidation\":[{\"code\":\"DCVS-1106-400\",\"message\":\"m1\"},"
                + "{\"code\":\"DCVS-1104-400\",\"message\":\"m2\",\"keyword\":\"type\",\"pointerToViolation\":\"#/x\","
                + "\"schemaLocation\":\"#/properties/x\"}]}}");

        assertThat(entries).containsExactly(
                new ErrorEntry("streaming-validation", "m1", "DCVS-1106-400", null, null, null, null, "r-1"),
                new ErrorEntry("streaming-validation", "m2", "DCVS-1104-400", "type", "#/x", "#/properties/x", null,
                        "r-1"));
    }

    @Test
    void decodesStringEncodedHeaderBodyAndErrorsEvenTwice() throws Exception {
        String errors = mapper.writeValueAsString("{\"_streamingValidation\":[{\"code\":1104,\"message\":\"m\"}]}");
        String body = mapper.writeValueAsString("{\"xdmEntity\":{\"_id\":42}}");
        String doubleEncodedBody = mapper.writeValueAsString(body);

        assertThat(extract("{\"header\":\"{}\",\"body\":" + body + ",\"_errors\":" + errors + "}"))
                .containsExactly(new ErrorEntry("streaming-validation", "m", "1104", null, null, null, null, "42"));
        assertThat(extract("{\"body\":" + doubleEncodedBody + ",\"_errors\":" + errors + "}"))
                .extracting(ErrorEntry::recordId).containsExactly("42");
    }

    @Test
    void rowErrorsAreCorruptRecordsOrRowErrorsWithColumns() throws Exception {
        assertThat(extract("{\"_corrupt_record\":\"{x: 'v1'}\",\"_errors\":[{\"code\":\"1401\",\"message\":\"Row is "
                + "corrupted\"}],\"_filename\":\"parsing_errors_0.json\"}"))
                .containsExactly(new ErrorEntry("corrupt-record", "Row is corrupted", "1401", null, null, null, null,
                        null));
        assertThat(extract("{\"col1\":\"v1\",\"_errors\":[{\"column\":\"col1\",\"code\":\"100\",\"message\":"
                + "\"Cannot convert string to float\"}],\"_filename\":\"a2.json\"}"))
                .containsExactly(new ErrorEntry("row-error", "Cannot convert string to float", "100", null, null,
                        null, "col1", null));
    }

    @Test
    void aProblemReportWithoutCausesIsOneEntryWithItsMessage() throws Exception {
        assertThat(extract("{\"type\":\"t\",\"status\":400,\"title\":\"Invalid XDM Message Format\","
                + "\"report\":{\"message\":\"Message has unknown xdm format\"}}"))
                .extracting(ErrorEntry::source, ErrorEntry::message)
                .containsExactly(tuple("problem", "Message has unknown xdm format"));
        assertThat(extract("{\"type\":\"/t\",\"status\":400,\"title\":\"BadRequestError\","
                + "\"detail\":\"A valid content-type must be specified\"}"))
                .extracting(ErrorEntry::source, ErrorEntry::message)
                .containsExactly(tuple("problem", "A valid content-type must be specified"));
    }

    @Test
    void aRecordThatIsNotJsonIsOneInvalidJsonEntry() {
        List<ErrorEntry> entries = extractor.extract(new FailedRecord(7, null, "line 7 is not valid JSON: oops"));

        assertThat(entries).containsExactly(
                new ErrorEntry("invalid-json", "line 7 is not valid JSON: oops", null, null, null, null, null, null));
    }

    @Test
    void aRecordWithoutErrorEntriesIsOneUnknownEntryNamingItsFields() throws Exception {
        assertThat(extract("{\"header\":{},\"body\":{\"xdmEntity\":{\"_id\":\"r-9\"}}}")).containsExactly(
                new ErrorEntry("unknown", "record has no recognisable error entries (fields: [header, body])",
                        null, null, null, null, null, "r-9"));
        assertThat(extract("[1,2]")).extracting(ErrorEntry::message)
                .containsExactly("record has no recognisable error entries (it is a JSON array, not an object)");
    }

    @Test
    void oddShapesNeverThrow() throws Exception {
        assertThat(extract("{\"_validationErrors\":5,\"_errors\":null,\"report\":[]}"))
                .extracting(ErrorEntry::source, ErrorEntry::message)
                .containsExactly(tuple("validation-errors", "5"));
        assertThat(extract("{\"_errors\":\"something went wrong\"}"))
                .extracting(ErrorEntry::source, ErrorEntry::message)
                .containsExactly(tuple("unknown", "something went wrong"));
        assertThat(extract("{\"_validationErrors\":[null,{\"code\":\"X\"},{\"message\":{\"nested\":true},"
                + "\"causingExceptions\":\"not an array\"}],\"body\":\"{not json\"}"))
                .extracting(ErrorEntry::message, ErrorEntry::code)
                .containsExactly(tuple("{\"code\":\"X\"}", "X"), tuple("{\"nested\":true}", null));
        assertThat(extractor.extract(null)).extracting(ErrorEntry::source).containsExactly("unknown");
    }

    @Test
    void aVeryDeepCauseChainDoesNotOverflowTheStack() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode current = root.putArray("_validationErrors").addObject();
        for (int i = 0; i < 100_000; i++) {
            current = current.putArray("causingExceptions").addObject().put("message", "level " + i);
        }

        List<ErrorEntry> entries = extractor.extract(new FailedRecord(1, root, null));

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).source()).isEqualTo("validation-errors");
    }

    @Test
    void capsMessagesAt10000Characters() throws Exception {
        String longMessage = "é".repeat(9_001) + "😀".repeat(2_000);
        JsonNode json = mapper.createObjectNode().set("_validationErrors",
                mapper.createArrayNode().add(mapper.createObjectNode().put("message", longMessage)));

        String message = extractor.extract(new FailedRecord(1, json, null)).get(0).message();

        assertThat(message).as("a surrogate pair is not split").hasSize(10_000 - 1).startsWith("é".repeat(9_001)).endsWith("...[truncated]");
        assertThat(ErrorExtractor.cap("short")).isEqualTo("short");
    }
}
