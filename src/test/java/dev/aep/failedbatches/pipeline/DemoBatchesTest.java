package dev.aep.failedbatches.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo batches (one per failed-file shape and category, see simulator/batches/EXPECTED.md) through the inbox. */
class DemoBatchesTest extends PipelineTestSupport {

    private static final Map<String, Map<String, Long>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("01HZSEED0MONTH00TIMESTAMP0", Map.of("malformed-xdm", 1L));
        EXPECTED.put("01HZDCVS0STREAMING00000001", Map.of("malformed-xdm", 7L));
        EXPECTED.put("01HZROWERRORS0000000000001", Map.of("corrupt-record", 2L, "conversion", 4L));
        EXPECTED.put("01HZSTRINGENCODED00000001", Map.of("malformed-xdm", 3L));
        EXPECTED.put("01HZPROBLEMJSON0000000001", Map.of("malformed-xdm", 3L, "invalid-org-id", 1L, "missing-schema", 1L));
        EXPECTED.put("01HZAPPENDIX0000000000001", Map.of("malformed-xdm", 2L, "missing-source-name", 1L,
                "missing-xdm-entity", 1L, "unclassified", 2L));
        EXPECTED.put("af838510-2233-11ea-acf0-f3edfcded2d2", Map.of("malformed-xdm", 3L));
    }

    @Test
    void theDemoInboxFileYieldsEveryCategoryWithExactCounts() throws Exception {
        dropInbox("demo-batches.txt", Files.readString(Path.of("demo", "demo-batches.txt")));
        awaitInboxDone("demo-batches.txt");

        for (Map.Entry<String, Map<String, Long>> batch : EXPECTED.entrySet()) {
            JsonNode report = report(batch.getKey());
            assertThat(report.path("status").asText()).as(batch.getKey()).isEqualTo("completed");
            long total = 0;
            for (Map.Entry<String, JsonNode> count : (Iterable<Map.Entry<String, JsonNode>>) report.path("counts")::fields) {
                long expected = batch.getValue().getOrDefault(count.getKey(), 0L);
                assertThat(count.getValue().asLong()).as(batch.getKey() + " " + count.getKey()).isEqualTo(expected);
                assertThat(events(count.getKey(), batch.getKey())).as(batch.getKey() + " " + count.getKey() + " file")
                        .hasSize((int) expected);
                total += expected;
            }
            assertThat(report.path("errors").asLong()).isEqualTo(total);
        }
        assertThat(report("01HZAPPENDIX0000000000001").path("files")).hasSize(4);
        assertThat(out.resolve("dead-letter")).doesNotExist();
    }

    @Test
    void theSeedSampleKeepsEveryFieldOfItsValidationError() throws Exception {
        retrieve("01HZSEED0MONTH00TIMESTAMP0");

        List<JsonNode> events = events("malformed-xdm", "01HZSEED0MONTH00TIMESTAMP0");
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.path("batchId").asText()).isEqualTo("01HZSEED0MONTH00TIMESTAMP0");
        assertThat(event.path("category").asText()).isEqualTo("malformed-xdm");
        assertThat(event.path("message").asText()).startsWith("[2018-00-23T22:07:01Z] is not a valid date-time");
        assertThat(event.path("file").asText()).isEqualTo("part-00000-44c7b669-5e38-43fb-b56c-a0686dabb982-c000.json");
        assertThat(event.path("line").asInt()).isEqualTo(1);
        assertThat(event.path("keyword").asText()).isEqualTo("format");
        assertThat(event.path("pointer").asText()).isEqualTo("#/timestamp");
        assertThat(event.path("schemaLocation").asText()).isEqualTo("#/properties/timestamp");
        assertThat(event.path("retrievedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        JsonNode report = report("01HZSEED0MONTH00TIMESTAMP0");
        assertThat(report.path("files").get(0).path("name").asText())
                .isEqualTo("part-00000-44c7b669-5e38-43fb-b56c-a0686dabb982-c000.json");
        assertThat(report.path("files").get(0).path("errors").asLong()).isEqualTo(1);
        assertThat(report.path("startedAt").asText()).isNotBlank();
        assertThat(report.path("finishedAt").asText()).isNotBlank();
    }

    @Test
    void rowErrorsKeepTheirColumnAndCode() throws Exception {
        retrieve("01HZROWERRORS0000000000001");

        List<JsonNode> conversions = events("conversion", "01HZROWERRORS0000000000001");
        assertThat(conversions).extracting(e -> e.path("column").asText()).containsExactly("col3", "col1", "col1", "col3");
        assertThat(conversions).extracting(e -> e.path("code").asText()).containsExactly("123", "100", "100", "123");
        // the evidence a fixer needs: the offending value and the ingested file
        assertThat(conversions).extracting(e -> e.path("value").asText())
                .containsExactly("[{\"g1\":\"h1\"}]", "abc", "xyz", "{\"g1\":\"h1\"}");
        assertThat(conversions).extracting(e -> e.path("sourceFile").asText())
                .containsExactly("a1.json", "a2.json", "a2.json", "a2.json");
        List<JsonNode> corrupt = events("corrupt-record", "01HZROWERRORS0000000000001");
        assertThat(corrupt).extracting(e -> e.path("code").asText()).containsOnly("1401");
        assertThat(corrupt).extracting(e -> e.path("rawRecord").asText())
                .containsExactly("{missingQuotes: 'v1'}", "{\"col1\": \"v1\", \"col2\": ");
        assertThat(corrupt).extracting(e -> e.path("sourceFile").asText()).containsExactly("a1.json", "a2.json");
        assertThat(report("01HZROWERRORS0000000000001").path("files"))
                .extracting(f -> Map.entry(f.path("name").asText(), f.path("errors").asLong()))
                .containsExactly(entry("row_errors/parsing_errors_0.json", 2L), entry("row_errors/conversion_errors_0.json", 4L));
        assertThat(conversions).extracting(e -> e.path("file").asText()).containsOnly("row_errors/conversion_errors_0.json");
    }
}
