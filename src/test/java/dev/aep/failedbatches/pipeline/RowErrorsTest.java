package dev.aep.failedbatches.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.failedbatches.simulator.CatalogBatch;
import dev.aep.failedbatches.simulator.CatalogBatch.CatalogError;
import dev.aep.failedbatches.simulator.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Error-diagnostics files (meta?path=row_errors) are classified like failed files; their 404 is recorded. */
class RowErrorsTest extends PipelineTestSupport {

    private static final String DEMO = "simulator/batches/01HZROWERRORS0000000000001/row_errors/";

    private static byte[] demoFile(String name) throws IOException {
        try (InputStream in = RowErrorsTest.class.getClassLoader().getResourceAsStream(DEMO + name)) {
            return in.readAllBytes();
        }
    }

    /** A successful batch, created with diagnostics, that lost five rows: two unparsable, three not convertible. */
    private void addPartialBatch(String batchId) throws IOException {
        long created = 1_700_000_000_000L;
        simulator().addCatalogBatch(new CatalogBatch(batchId, "success", created, created + 60_000, CatalogBatch.DEFAULT_DATASET,
                519L, 5L, List.of(new CatalogError("INGEST-1212-400",
                        "Encountered 5 errors in the data. Successfully ingested 514 rows.", null))).withErrorDiagnostics());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("parsing_errors_0.json", demoFile("parsing_errors_0.json"));
        files.put("conversion_errors_0.json", demoFile("conversion_errors_0.json"));
        simulator().addRowErrors(batchId, files);
    }

    private List<RecordedRequest> metaRequests(String batchId) {
        return simulator().requests().stream()
                .filter(r -> r.path().equals("/data/foundation/export/batches/" + batchId + "/meta")).toList();
    }

    @Test
    void rowErrorsOfABatchWithDiagnosticsAreClassifiedLikeFailedFiles() throws Exception {
        addPartialBatch("01ROWERRORSPARTIAL0000001");

        retrieve("01ROWERRORSPARTIAL0000001");

        JsonNode report = report("01ROWERRORSPARTIAL0000001");
        assertThat(report.path("status").asText()).isEqualTo("completed");
        assertThat(report.path("files")).extracting(f -> entry(f.path("name").asText(), f.path("errors").asLong()))
                .containsExactly(entry("row_errors/parsing_errors_0.json", 2L), entry("row_errors/conversion_errors_0.json", 4L));
        assertThat(report.path("counts").path("corrupt-record").asLong()).isEqualTo(2);
        assertThat(report.path("counts").path("conversion").asLong()).isEqualTo(4);
        assertThat(report.path("records").asLong()).isEqualTo(5);
        assertThat(report.path("reconciled").asBoolean()).isTrue();
        assertThat(report.path("rowErrors").path("files").asInt()).isEqualTo(2);
        assertThat(events("conversion", "01ROWERRORSPARTIAL0000001")).extracting(e -> e.path("file").asText())
                .containsOnly("row_errors/conversion_errors_0.json");
        // the hrefs' %2F, sent once-encoded
        assertThat(metaRequests("01ROWERRORSPARTIAL0000001")).extracting(RecordedRequest::rawQuery)
                .contains("path=row_errors%2Fparsing_errors_0.json", "path=row_errors%2Fconversion_errors_0.json")
                .allMatch(q -> !q.contains("%25"));
    }

    @Test
    void expiredDiagnosticsAreRecordedInTheReportAndTheBatchCompletes() throws Exception {
        addPartialBatch("01ROWERRORSEXPIRED0000001");
        simulator().expireRowErrors("01ROWERRORSEXPIRED0000001");

        retrieve("01ROWERRORSEXPIRED0000001");

        JsonNode report = report("01ROWERRORSEXPIRED0000001");
        assertThat(report.path("status").asText()).isEqualTo("completed");
        assertThat(report.path("rowErrors").path("error").asText()).contains("404");
        assertThat(report.path("records").asLong()).isZero();
        assertThat(report.path("reconciled").asBoolean()).isFalse();
        assertThat(Files.exists(out.resolve("dead-letter").resolve("01ROWERRORSEXPIRED0000001.json"))).isFalse();
    }

    @Test
    void aBatchWithoutDiagnosticsIsNotAskedForRowErrors() throws Exception {
        simulator().addBatch("01ROWERRORSNONE0000000001", Map.of());

        retrieve("01ROWERRORSNONE0000000001");

        assertThat(report("01ROWERRORSNONE0000000001").has("rowErrors")).isFalse();
        assertThat(metaRequests("01ROWERRORSNONE0000000001")).isEmpty();
    }
}
