package dev.aep.failedbatches.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Faults of the remote API against the simulator's switches. Every test reconciles: each error entry served is in
 * exactly one output event, or the batch is in dead-letter/ with a reason and nothing of it looks complete.
 */
class FaultInjectionTest extends PipelineTestSupport {

    static final String BATCH = "01FAULTS00000000000000001";
    private static final int FILES = 3;
    private static final int RECORDS = 40;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("aep.http.read-timeout-ms", "700");
    }

    static void batchOfKnownSize(dev.aep.failedbatches.simulator.AepSimulator simulator) {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        for (int f = 0; f < FILES; f++) {
            StringBuilder ndjson = new StringBuilder();
            for (int r = 0; r < RECORDS; r++) {
                ndjson.append("{\"body\":{\"xdmEntity\":{\"_id\":\"f").append(f).append("-r").append(r)
                        .append("\"}},\"_errors\":{\"_streamingValidation\":[{\"code\":\"DCVS-1104-400\",\"message\":")
                        .append("\"The message cannot be validated due to the data type error: #/x: expected type: String, found: Long.\"}]}}\n");
            }
            files.put("part-" + f + ".json", ndjson.toString().getBytes(StandardCharsets.UTF_8));
        }
        simulator.addBatch(BATCH, files);
    }

    /** Either every served entry is in exactly one event, or there is a dead letter and no report/events. */
    private void reconcile(boolean expectCompleted) throws Exception {
        boolean dead = Files.exists(out.resolve("dead-letter/" + BATCH + ".json"));
        if (expectCompleted) {
            assertThat(dead).as("dead letter").isFalse();
            JsonNode report = report(BATCH);
            assertThat(report.path("errors").asLong()).isEqualTo(FILES * RECORDS);
            assertThat(events("malformed-xdm", BATCH)).hasSize(FILES * RECORDS)
                    .extracting(e -> e.path("recordId").asText()).doesNotHaveDuplicates();
        } else {
            assertThat(deadLetter(BATCH).path("reason").asText()).isNotBlank();
            assertThat(out.resolve("reports/" + BATCH + ".json")).doesNotExist();
            assertThat(events("malformed-xdm", BATCH)).isEmpty();
        }
        assertThat(filesUnder(out)).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreRetriedAndTheBatchIsComplete(int status) throws Exception {
        batchOfKnownSize(simulator());
        simulator().faults().failNextDownloads(2, status, null);
        simulator().faults().failNextListings(1, status, null);

        retrieve(BATCH);

        reconcile(true);
    }

    @Test
    void aStormOf429WithAndWithoutRetryAfterIsRiddenOut() throws Exception {
        batchOfKnownSize(simulator());
        simulator().faults().failNext(2, 429, "0");
        simulator().faults().failNext(2, 429, null);

        retrieve(BATCH);

        reconcile(true);
    }

    @Test
    void aConnectionResetMidDownloadIsRetried() throws Exception {
        batchOfKnownSize(simulator());
        simulator().faults().truncateNextDownloads(2);

        retrieve(BATCH);

        reconcile(true);
    }

    /** A 302 is neither followed (our token must not go where it points) nor read as the answer. */
    @ParameterizedTest
    @ValueSource(strings = {"listing", "download"})
    void aRedirectIsNotFollowedAndDeadLettersTheBatchWithItsStatus(String redirected) throws Exception {
        batchOfKnownSize(simulator());
        String listing = simulator().baseUrl() + "/data/foundation/export/batches/" + BATCH + "/failed";
        if (redirected.equals("listing")) {
            simulator().faults().redirectNextListings(1, listing + "?start=0&limit=100&followed=yes");
        } else {
            simulator().faults().redirectNextDownloads(1, listing + "?path=part-0.json&followed=yes");
        }

        retrieve(BATCH);

        assertThat(deadLetter(BATCH).path("httpStatus").asInt()).isEqualTo(302);
        assertThat(out.resolve("reports/" + BATCH + ".json")).doesNotExist();
        // no error file (unclassified or other) published; temporary segments are not looked at here
        assertThat(filesUnder(out)).filteredOn(p -> p.startsWith(out.resolve("errors")))
                .allMatch(p -> p.getFileName().toString().startsWith("."));
        assertThat(simulator().requests()).noneMatch(r -> r.rawQuery() != null && r.rawQuery().contains("followed"));
    }

    @Test
    void aServerSlowerThanTheReadTimeoutEndsInADeadLetterNamingTheTimeout() throws Exception {
        batchOfKnownSize(simulator());
        simulator().faults().delayMillis(1500);

        retrieve(BATCH);

        reconcile(false);
        assertThat(deadLetter(BATCH).path("reason").asText()).containsIgnoringCase("timeout");
    }

    @Test
    void gzipEncodedDownloadsAreDecodedAsTheyArrive() throws Exception {
        batchOfKnownSize(simulator());
        simulator().faults().gzipDownloads(true);

        retrieve(BATCH);

        reconcile(true);
        assertThat(simulator().requests()).filteredOn(r -> r.rawQuery() != null && r.rawQuery().startsWith("path="))
                .allSatisfy(r -> assertThat(r.headers().get("accept-encoding")).contains("gzip"));
    }

    @Test
    void aGzipBodyCorruptMidStreamIsReadAgainFromTheStartWithoutDuplicates() throws Exception {
        batchOfKnownSize(simulator());
        simulator().faults().corruptGzipNextDownloads(2);

        retrieve(BATCH);

        reconcile(true);
    }

    @Test
    void aGzipBodyThatStaysCorruptEndsInADeadLetter() throws Exception {
        batchOfKnownSize(simulator());
        simulator().faults().corruptGzipNextDownloads(1000);

        retrieve(BATCH);

        reconcile(false);
    }
}
