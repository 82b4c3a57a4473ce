package dev.aep.failedbatches.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.failedbatches.auth.ImsTokenException;
import dev.aep.failedbatches.auth.Secrets;
import java.util.List;
import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

class CatalogReadsTest {

    private final CatalogReads reads = new CatalogReads();

    @Test
    void readsTopLevelCountsAndTagsAsCatalogStringArrays() {
        Map<String, Object> batch = Map.of("status", "success", "created", "1700000000000", "recordCount", 519,
                "failedRecordCount", "5", "tags", Map.of("acp_enableErrorDiagnostics", List.of("true")),
                "relatedObjects", List.of(Map.of("type", "batch", "id", "x"), Map.of("type", "dataSet", "id", "5f01")));

        CatalogSummary summary = reads.summary(Map.of("01B", batch), "01B");

        assertThat(summary.created()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(summary.completed()).isNull();
        assertThat(summary.inputRecordCount()).isEqualTo(519);
        assertThat(summary.failedRecordCount()).isEqualTo(5);
        assertThat(summary.datasetId()).isEqualTo("5f01");
        assertThat(summary.errorDiagnostics()).isTrue();
        assertThat(summary.accountsFor(5)).isTrue();
        assertThat(summary.accountsFor(4)).isFalse();
    }

    @Test
    void aSuccessfulBatchThatLostRecordsHasRowErrorsEvenWithoutTheTag() {
        CatalogSummary summary = reads.summary(Map.of("01B", Map.of("status", "success",
                "metrics", Map.of("failedRecordCount", 2))), "01B");

        assertThat(summary.rowErrorsExpected()).isTrue();
        assertThat(reads.summary(Map.of("01B", Map.of("status", "failed", "failedRecordCount", 2)), "01B")
                .rowErrorsExpected()).isFalse();
    }

    @Test
    void aFailedReadSaysTheStatusButNeverTheResponseBody() {
        HttpOperationFailedException failure = new HttpOperationFailedException(
                "https://platform.adobe.io/data/foundation/catalog/batches/01B", 500, "Server Error", null, Map.of(),
                "{\"echo\":\"Bearer secret-token\"}");

        CatalogReadFailure read = reads.failure(new RuntimeException(failure));

        assertThat(read.error()).isEqualTo("the Catalog answered 500");
        assertThat(read.accountsFor(0)).isFalse();
    }

    @Test
    void aFailedTokenRequestReadsTheSameOnceMasked() {
        CatalogReadFailure read = reads.failure(new RuntimeException(new ImsTokenException("IMS answered 401", 401, null)));

        assertThat(read.error()).isEqualTo("the IMS token request failed, so there is no access token");
        assertThat(Secrets.mask(read.error())).as("the log line that reports it").isEqualTo(read.error());
    }
}
