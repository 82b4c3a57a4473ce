package dev.aep.failedbatches.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's generated batches: deterministic, exact lengths, served lazily with ranges. */
class GeneratedBatchesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void generatesDeterministicDcvsRecordsWithOneErrorEachAndExactLengths() throws Exception {
        GeneratedBatches generated = new GeneratedBatches(3, 2, 7, 0);
        assertThat(generated.batchIds()).containsExactly("01HZBENCH00000000000000001", "01HZBENCH00000000000000002",
                "01HZBENCH00000000000000003");
        assertThat(generated.bigBatchId()).isNull();
        long total = 0;
        for (String batchId : generated.batchIds()) {
            for (String file : generated.fileNames(batchId)) {
                byte[] bytes;
                try (InputStream in = generated.open(batchId, file)) {
                    bytes = in.readAllBytes();
                }
                try (InputStream again = generated.open(batchId, file)) {
                    assertThat(again.readAllBytes()).isEqualTo(bytes);
                }
                assertThat((long) bytes.length).isEqualTo(generated.length(batchId, file));
                total += bytes.length;
                List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n"));
                assertThat(lines).hasSize(7);
                for (String line : lines) {
                    JsonNode record = JSON.readTree(line);
                    assertThat(record.at("/_errors/_streamingValidation")).hasSize(1);
                    assertThat(record.at("/_errors/_streamingValidation/0/code").asText()).startsWith("DCVS-");
                    assertThat(record.at("/body/xdmEntity/_id").asText()).startsWith("evt-");
                }
            }
        }
        assertThat(generated.totalBytes()).isEqualTo(total);
        assertThat(generated.totalRecords()).isEqualTo(42);
    }

    @Test
    void servesGeneratedFilesLazilyWithListingLengthsRangesAndByteCounts() throws Exception {
        GeneratedBatches generated = new GeneratedBatches(1, 1, 5, 3 * 1024 * 1024);
        String big = generated.bigBatchId();
        assertThat(big).isEqualTo(GeneratedBatches.BIG_BATCH_ID);
        String bigFile = generated.fileNames(big).get(0);
        assertThat(generated.bigFileBytes()).isGreaterThanOrEqualTo(3 * 1024 * 1024).isEqualTo(generated.length(big, bigFile));

        AepSimulator simulator = new AepSimulator(new SimulatorSettings().loadDemoData(false).addStaticToken("t"));
        generated.addTo(simulator);
        simulator.start();
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String listing = simulator.baseUrl() + "/data/foundation/export/batches/" + big + "/failed";
            JsonNode page = JSON.readTree(http.send(request(listing).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(page.at("/data/0/name").asText()).isEqualTo("_SUCCESS");
            assertThat(page.at("/data/1/name").asText()).isEqualTo(bigFile);
            assertThat(page.at("/data/1/length").asText()).isEqualTo(Long.toString(generated.bigFileBytes()));

            byte[] whole;
            try (InputStream in = generated.open(big, bigFile)) {
                whole = in.readAllBytes();
            }
            HttpResponse<byte[]> full = http.send(request(listing + "?path=" + bigFile).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(full.statusCode()).isEqualTo(200);
            assertThat(full.body()).isEqualTo(whole);
            assertThat(generated.bytesServed()).isEqualTo(whole.length);

            long from = 1_000_003;
            HttpResponse<byte[]> part = http.send(request(listing + "?path=" + bigFile)
                    .header("Range", "bytes=" + from + "-" + (from + 4999)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes " + from + "-" + (from + 4999) + "/" + whole.length);
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole, (int) from, (int) from + 5000));

            HttpResponse<String> beyond = http.send(request(listing + "?path=" + bigFile)
                    .header("Range", "bytes=" + whole.length + "-").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(beyond.statusCode()).isEqualTo(416);

            simulator.faults().truncateNextDownloads(1);
            assertThatThrownBy(() -> http.send(request(listing + "?path=" + bigFile).build(),
                    HttpResponse.BodyHandlers.ofByteArray())).isInstanceOf(java.io.IOException.class);
        } finally {
            simulator.close();
        }
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer t")
                .header("x-api-key", "demo-client")
                .header("x-gw-ims-org-id", "DEMO0000000000000000000@AdobeOrg")
                .header("x-sandbox-name", "prod");
    }
}
