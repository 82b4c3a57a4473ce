package dev.aep.failedbatches.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class ResilienceTest extends PipelineTestSupport {

    private static final String BATCH = "01RETRY000000000000000001";

    private void twoFileBatch() {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            files.put("part-" + i + ".json", ("{\"_validationErrors\":[{\"keyword\":\"type\",\"message\":\"expected type: String, found: Long\","
                    + "\"pointerToViolation\":\"#/_id\",\"schemaLocation\":\"#/properties/_id\"}]}\n").getBytes(StandardCharsets.UTF_8));
        }
        simulator().addBatch(BATCH, files);
    }

    private long downloads() {
        return simulator().requests().stream().filter(r -> r.rawQuery() != null && r.rawQuery().contains("path=")).count();
    }

    @Test
    void tooManyRequestsWithRetryAfterIsRetriedAfterTheServersDelay() throws Exception {
        twoFileBatch();
        simulator().faults().failNextDownloads(1, 429, "1");

        long started = System.nanoTime();
        retrieve(BATCH);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        JsonNode report = report(BATCH);
        assertThat(report.path("status").asText()).isEqualTo("completed");
        assertThat(report.path("errors").asLong()).isEqualTo(2);
        assertThat(downloads()).isEqualTo(3);
        // the backoff alone is 20 ms here: only the server's Retry-After explains a wait of a second
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(950);
    }

    @Test
    void serviceUnavailableOnListingAndDownloadIsRetriedAndCompletes() throws Exception {
        twoFileBatch();
        simulator().faults().failNextListings(2, 503, null);
        simulator().faults().failNextDownloads(1, 502, null);

        retrieve(BATCH);

        assertThat(report(BATCH).path("errors").asLong()).isEqualTo(2);
        assertThat(events("malformed-xdm", BATCH)).hasSize(2);
        assertThat(Files.exists(out.resolve("dead-letter/" + BATCH + ".json"))).isFalse();
    }

    @Test
    void exhaustedRetriesEndInADeadLetterWithoutPartialOutput() throws Exception {
        twoFileBatch();
        simulator().faults().failNextDownloads(1000, 503, null);

        retrieve(BATCH);

        JsonNode dead = deadLetter(BATCH);
        assertThat(dead.path("httpStatus").asInt()).isEqualTo(503);
        assertThat(dead.path("reason").asText()).contains("retries exhausted");
        // 1 try + 4 retries per file; the two files are downloaded in parallel, so the other may have started too
        java.util.Map<String, Long> triesPerFile = simulator().requests().stream()
                .filter(r -> r.rawQuery() != null && r.rawQuery().contains("path="))
                .collect(java.util.stream.Collectors.groupingBy(r -> r.rawQuery(), java.util.stream.Collectors.counting()));
        assertThat(triesPerFile.values()).allMatch(n -> n <= 5).contains(5L);
        assertThat(Files.exists(out.resolve("reports/" + BATCH + ".json"))).isFalse();
        assertThat(Files.exists(out.resolve("errors"))
                ? filesUnder(out.resolve("errors")) : java.util.List.of()).isEmpty();
    }

    @Test
    void expiredTokenIsRefreshedOnceAndTheBatchCompletes() throws Exception {
        twoFileBatch();
        retrieve(BATCH);
        int issued = simulator().tokensIssued();
        simulator().expireAllTokens();
        simulator().clearRequests();
        Instant secondRunStarted = Instant.now();

        Object answer = retrieve(BATCH);

        assertThat(answer).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("status", "completed");
        // the first run's report is still on disk: only one started by the second run proves that run completed
        JsonNode report = report(BATCH);
        assertThat(report.path("status").asText()).isEqualTo("completed");
        assertThat(Instant.parse(report.path("startedAt").asText())).isAfterOrEqualTo(secondRunStarted);
        assertThat(simulator().tokensIssued()).isEqualTo(issued + 1);
        assertThat(simulator().requests().stream().filter(r -> r.status() == 401)).hasSize(1);
    }

    @Test
    void imsTokenEndpointFailingTwiceIsRetried() throws Exception {
        twoFileBatch();
        simulator().faults().failNextTokens(2, 503);

        retrieve(BATCH);

        assertThat(report(BATCH).path("status").asText()).isEqualTo("completed");
        assertThat(simulator().tokensIssued()).isEqualTo(1);
    }
}
