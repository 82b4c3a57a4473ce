package dev.aep.failedbatches.pipeline;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aep.failedbatches.Application;
import dev.aep.failedbatches.simulator.AepSimulator;
import dev.aep.failedbatches.testsupport.DoneFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;

/**
 * Boots the bundle exactly as production does — config/application.properties and the YAML routes in routes/ —
 * in the demo profile (the embedded simulator), and only the folders and retry delays overridden.
 */
public abstract class PipelineTestSupport extends CamelMainTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();

    protected Path workDir;
    protected Path inbox;
    protected Path out;

    @Override
    protected String getPropertyPlaceholderLocations() {
        return Application.configLocations("demo");
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        try {
            workDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-work")), "aep-test-")
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        inbox = workDir.resolve("inbox");
        out = workDir.resolve("out");
        Properties p = new Properties();
        p.put("aep.inbox.dir", inbox.toString());
        p.put("aep.output.dir", out.toString());
        p.put("aep.inbox.poll-delay-ms", "100");
        p.put("aep.inbox.read-lock-check-interval-ms", "100");
        p.put("aep.inbox.read-lock-min-age-ms", "100");
        p.put("aep.retry.initial-delay-ms", "20");
        p.put("aep.retry.max-delay-ms", "3000");
        p.put("aep.retry.max-redeliveries", "4");
        p.put("aep.client.max-requests-per-period", "1000");
        // tests run side by side: the management server takes a free port
        p.put("aep.management.port", "0");
        p.putAll(extraProperties());
        return p;
    }

    /** Per-test overrides on top of the production config. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    protected AepSimulator simulator() {
        return context.getRegistry().lookupByNameAndType("aepSimulator", AepSimulator.class);
    }

    /** Drops an inbox file the way a well-behaved producer does: written elsewhere, then moved in. */
    protected void dropInbox(String name, String content) throws IOException {
        Files.createDirectories(inbox);
        Path staging = Files.writeString(workDir.resolve(name + ".staging"), content, StandardCharsets.UTF_8);
        Files.move(staging, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits for the inbox file to reach .done/, where it is named {@code <name>-<yyyyMMdd-HHmmssSSS>.<ext>}. */
    protected Path awaitInboxDone(String name) {
        Path[] done = new Path[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> (done[0] = DoneFiles.find(inbox.resolve(".done"), name)) != null);
        return done[0];
    }

    /** Retrieves one batch through the public entry point and returns what it answered. */
    protected Object retrieve(String batchId) {
        return template.requestBody("direct:aep-retrieve-batch", batchId);
    }

    protected JsonNode report(String batchId) throws IOException {
        return JSON.readTree(out.resolve("reports").resolve(batchId + ".json").toFile());
    }

    protected JsonNode deadLetter(String batchId) throws IOException {
        return JSON.readTree(out.resolve("dead-letter").resolve(batchId + ".json").toFile());
    }

    protected List<JsonNode> events(String category, String batchId) throws IOException {
        Path file = out.resolve("errors").resolve(category).resolve(batchId + ".jsonl");
        List<JsonNode> events = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                events.add(JSON.readTree(line));
            }
        }
        return events;
    }

    /** Batches of part files that each hold one record with one "missing xdmEntity" error; their IDs, in order. */
    protected List<String> addOneErrorBatches(String idPrefix, int batches, int filesPerBatch) {
        List<String> batchIds = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            String batchId = idPrefix + b;
            LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
            for (int f = 0; f < filesPerBatch; f++) {
                files.put("part-" + f + ".json", "{\"_validationErrors\":[{\"message\":\"Payload body is missing xdmEntity\"}]}\n"
                        .getBytes(StandardCharsets.UTF_8));
            }
            simulator().addBatch(batchId, files);
            batchIds.add(batchId);
        }
        return batchIds;
    }

    /** The files directly in a folder; none if it does not exist (yet). */
    protected List<Path> filesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).toList();
        }
    }

    protected List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
