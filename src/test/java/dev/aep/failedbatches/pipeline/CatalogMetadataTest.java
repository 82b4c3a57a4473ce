package dev.aep.failedbatches.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.failedbatches.simulator.CatalogBatch;
import dev.aep.failedbatches.simulator.CatalogBatch.CatalogError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report carries the batch's Catalog metadata and whether the failed records account for its failedRecordCount. */
class CatalogMetadataTest extends PipelineTestSupport {

    private static final long CREATED = 1_700_000_000_000L;

    /** One record with three error entries: three events, one record. */
    private static final String THREE_ERRORS_ONE_RECORD = "{\"body\":{\"xdmEntity\":{\"_id\":\"a\"}},\"_errors\":{\"_streamingValidation\":["
            + "{\"code\":\"DCVS-1106-400\",\"message\":\"The message cannot be validated because a required property is missing: #/x: required key [y] not found.\"},"
            + "{\"code\":\"DCVS-1104-400\",\"message\":\"The message cannot be validated due to the data type error: #/p: expected type: JSONArray, found: String.\"},"
            + "{\"code\":\"DCVS-1103-400\",\"message\":\"The message cannot be validated due to the pattern mismatch error: #/c: string [R$] does not match pattern ^[A-Z]{3}$.\"}]}}\n";
    private static final String ONE_ERROR_ONE_RECORD = "{\"_errors\":{\"_streamingValidation\":[{\"message\":\"Payload header is missing Source Name\"}]}}\n";

    /** Two files, three records, five error events. */
    private void addBatch(String batchId, long failedRecordCount) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("part-00000.json", (THREE_ERRORS_ONE_RECORD + ONE_ERROR_ONE_RECORD).getBytes(StandardCharsets.UTF_8));
        files.put("part-00001.json", THREE_ERRORS_ONE_RECORD.getBytes(StandardCharsets.UTF_8));
        simulator().addBatch(batchId, files);
        simulator().addCatalogBatch(new CatalogBatch(batchId, "failed", CREATED, CREATED + 90_000, "5f00000000000000000000aa",
                20L, failedRecordCount, List.of(new CatalogError("INGEST-1212-400", "Encountered 3 errors in the data.", 3L))));
    }

    private long catalogRequests(String batchId) {
        return simulator().requests().stream()
                .filter(r -> r.path().equals("/data/foundation/catalog/batches/" + batchId)).count();
    }

    @Test
    void aConsistentBatchIsReconciledAndItsCatalogMetadataComesLastInTheReport() throws Exception {
        addBatch("01CATALOGCONSISTENT000001", 3);

        retrieve("01CATALOGCONSISTENT000001");

        JsonNode report = report("01CATALOGCONSISTENT000001");
        List<String> fields = new ArrayList<>();
        report.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("batchId", "status", "files", "counts", "errors", "startedAt", "finishedAt",
                "records", "catalog", "reconciled");
        assertThat(report.path("errors").asLong()).isEqualTo(7);
        assertThat(report.path("records").asLong()).isEqualTo(3);
        JsonNode catalog = report.path("catalog");
        assertThat(catalog.path("status").asText()).isEqualTo("failed");
        assertThat(catalog.path("datasetId").asText()).isEqualTo("5f00000000000000000000aa");
        assertThat(catalog.path("created").asText()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(catalog.path("completed").asText()).isEqualTo("2023-11-14T22:14:50Z");
        assertThat(catalog.path("inputRecordCount").asLong()).isEqualTo(20);
        assertThat(catalog.path("failedRecordCount").asLong()).isEqualTo(3);
        assertThat(catalog.path("errors")).hasSize(1);
        assertThat(catalog.path("errors").get(0).path("code").asText()).isEqualTo("INGEST-1212-400");
        assertThat(catalog.path("errors").get(0).path("recordCount").asLong()).isEqualTo(3);
        assertThat(report.path("reconciled").isBoolean()).isTrue();
        assertThat(report.path("reconciled").asBoolean()).isTrue();
        assertThat(catalogRequests("01CATALOGCONSISTENT000001")).isEqualTo(1);
    }

    @Test
    void recordsThatDoNotAccountForFailedRecordCountAreNotReconciled() throws Exception {
        // five error events, but three records: reconciling counts records
        addBatch("01CATALOGINCONSISTENT0001", 5);

        retrieve("01CATALOGINCONSISTENT0001");

        JsonNode report = report("01CATALOGINCONSISTENT0001");
        assertThat(report.path("catalog").path("failedRecordCount").asLong()).isEqualTo(5);
        assertThat(report.path("reconciled").isBoolean()).isTrue();
        assertThat(report.path("reconciled").asBoolean()).isFalse();
    }

    @Test
    void aFailingCatalogIsRecordedInTheReportAndTheBatchStillCompletes() throws Exception {
        addBatch("01CATALOGDOWN000000000001", 3);
        simulator().faults().failNextCatalogRequests(100, 500);

        retrieve("01CATALOGDOWN000000000001");

        JsonNode report = report("01CATALOGDOWN000000000001");
        assertThat(report.path("status").asText()).isEqualTo("completed");
        assertThat(report.path("records").asLong()).isEqualTo(3);
        assertThat(report.path("catalog").path("error").asText()).isEqualTo("the Catalog answered 500");
        assertThat(report.path("catalog").size()).isEqualTo(1);
        assertThat(report.path("reconciled").asBoolean(true)).isFalse();
        assertThat(events("malformed-xdm", "01CATALOGDOWN000000000001")).isNotEmpty();
        assertThat(Files.exists(out.resolve("dead-letter").resolve("01CATALOGDOWN000000000001.json"))).isFalse();
        // one read, retried aep.retry.max-redeliveries (4) times
        assertThat(catalogRequests("01CATALOGDOWN000000000001")).isEqualTo(5);
    }
}
