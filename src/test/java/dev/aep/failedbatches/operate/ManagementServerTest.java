package dev.aep.failedbatches.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.junit.jupiter.api.Test;

/** Health and metrics on the management server of the bundle booted as in production (demo profile). */
class ManagementServerTest extends PipelineTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    private int port;

    @Override
    protected Map<String, String> extraProperties() {
        port = freePort();
        // Camel's own exchange notifier off: the bundle's request counts must not lean on it being there
        return Map.of("aep.management.port", String.valueOf(port), "camel.metrics.enable-exchange-event-notifier", "false");
    }

    @Test
    void theMetricsOfADemoRunMatchItsOutputs() throws Exception {
        dropInbox("demo-batches.txt", Files.readString(Path.of("demo", "demo-batches.txt")) + "\n01HZNOSUCHBATCH0000000001\n");
        awaitInboxDone("demo-batches.txt");

        Map<String, Double> metrics = scrape();
        long reports = jsonFilesIn(out.resolve("reports"));
        long deadLetters = jsonFilesIn(out.resolve("dead-letter"));
        assertThat(reports).isEqualTo(7);
        assertThat(deadLetters).isEqualTo(1);
        assertSample(metrics, "aep_batches_total{outcome=\"completed\"}", reports);
        assertSample(metrics, "aep_batches_total{outcome=\"dead_lettered\"}", deadLetters);
        assertSample(metrics, "aep_batches_in_flight", 0);
        assertSample(metrics, "aep_batch_duration_seconds_count", reports + deadLetters);
        assertSample(metrics, "aep_token_refreshes_total", simulator().tokensIssued());
        assertSample(metrics, "aep_requests_total{kind=\"token\",status=\"200\"}", simulator().tokensIssued());
        try (Stream<Path> categories = Files.list(out.resolve("errors"))) {
            for (Path category : categories.toList()) {
                long events = 0;
                try (Stream<Path> files = Files.list(category)) {
                    for (Path file : files.toList()) {
                        events += Files.readAllLines(file).size();
                    }
                }
                assertSample(metrics, "aep_errors_total{category=\"" + category.getFileName() + "\"}", events);
            }
        }
        int downloads = (int) simulator().requests().stream().filter(r -> r.rawQuery() != null && r.rawQuery().contains("path=") && r.status() == 200).count();
        assertSample(metrics, "aep_requests_total{kind=\"download\",status=\"200\"}", downloads);
        assertThat(metrics.get("aep_requests_total{kind=\"listing\",status=\"404\"}")).as("the unknown batch's listing").isPositive();
        assertThat(metrics.get("aep_downloaded_bytes_total")).as("bytes downloaded").isPositive();
        assertThat(metrics.get("aep_sink_deliveries_total{outcome=\"delivered\",sink=\"log\"}")).as("log deliveries").isPositive();
        // Camel's own route metrics beside the bundle's
        assertThat(metrics.keySet()).as("Camel's route metrics").anyMatch(name -> name.startsWith("camel_exchanges_total{") && name.contains("routeId=\"aep-retrieve-batch\""));
    }

    @Test
    void readinessFollowsTheOutputFolderAndTheCircuitBreakerAndAsksImsOnlyOnce() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/observe/health/ready").statusCode() == 200);
        int tokensBefore = simulator().tokensIssued();
        for (int i = 0; i < 5; i++) {
            assertThat(get("/observe/health/ready").statusCode()).isEqualTo(200);
        }
        assertThat(simulator().tokensIssued()).as("IMS tokens issued, 5 probes later").isEqualTo(tokensBefore);

        ResilienceProcessor breaker = context.getProcessor(CircuitBreakerHealthCheck.NODE_ID, ResilienceProcessor.class);
        breaker.transitionToOpenState();
        HttpResponse<String> open = get("/observe/health/ready");
        assertThat(open.statusCode()).isEqualTo(503);
        assertThat(open.body()).contains("aep-circuit-breaker").contains("OPEN");
        assertThat(get("/observe/health/live").statusCode()).as("liveness ignores the breaker").isEqualTo(200);
        breaker.transitionToCloseState();
        assertThat(get("/observe/health/ready").statusCode()).isEqualTo(200);

        Files.createDirectories(out.getParent());
        deleteTree(out);
        Files.writeString(out, "a file where the output folder should be");
        HttpResponse<String> blocked = get("/observe/health/ready");
        assertThat(blocked.statusCode()).isEqualTo(503);
        assertThat(blocked.body()).contains("aep-output-folder");
        Files.delete(out);
        assertThat(get("/observe/health/ready").statusCode()).isEqualTo(200);
    }

    private static void assertSample(Map<String, Double> metrics, String sample, long expected) {
        assertThat(metrics.get(sample)).as(sample).isEqualTo((double) expected);
    }

    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = get("/observe/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.matches()) {
                samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
            }
        }
        return samples;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static long jsonFilesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
