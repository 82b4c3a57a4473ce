package dev.aep.failedbatches.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aep.failedbatches.simulator.AepSimulator;
import dev.aep.failedbatches.simulator.SimulatorSettings;
import dev.aep.failedbatches.testsupport.JarProcess;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several ~60M-character lines read at once, at the documented small heap (-Xmx256m): each becomes one unclassified
 * event naming its file and line, the records after it are still read, and the JVM never runs out of memory.
 */
class HugeRecordsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BATCH = "01HUGERECORDS0000000000001";
    private static final int FILES = 4;
    private static final int HUGE_LINE = 4;
    private static final String ERROR_RECORD = "{\"_errors\":{\"_streamingValidation\":[{\"code\":\"DCVS-1106-400\","
            + "\"message\":\"The message cannot be validated because a required property is missing\"}]}}\n";

    @TempDir
    Path work;

    @Test
    void hugeLinesInParallelBecomeUnclassifiedEventsAndReadingGoesOn() throws Exception {
        byte[] file = fileWithAHugeLine(60_000_000);
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        for (int f = 0; f < FILES; f++) {
            files.put("part-" + f + ".json", file); // one array shared by all parts: the test JVM holds it once
        }
        try (AepSimulator aep = new AepSimulator(new SimulatorSettings().clientSecret("huge-secret")).start()) {
            aep.addBatch(BATCH, files);
            Path inbox = Files.createDirectories(work.resolve("inbox"));
            Path out = work.resolve("out");
            Path log = work.resolve("app.log");
            Files.writeString(inbox.resolve("ids.txt"), BATCH + "\n");

            Process app = JarProcess.start(aep, "huge-secret", List.of(
                    "-Xmx256m",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-Daep.parallel.files=" + FILES,
                    "-Daep.inbox.dir=" + inbox,
                    "-Daep.output.dir=" + out,
                    "-Daep.inbox.poll-delay-ms=200",
                    "-Daep.inbox.read-lock-min-age-ms=200",
                    "-Daep.inbox.read-lock-check-interval-ms=200"), log);
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .until(() -> dev.aep.failedbatches.testsupport.DoneFiles.find(inbox.resolve(".done"), "ids.txt") != null || !app.isAlive());
            } finally {
                app.destroy();
                app.waitFor();
            }
            String output = Files.readString(log);
            assertThat(output).as("application log").doesNotContain("OutOfMemoryError");
            assertThat(out.resolve("reports").resolve(BATCH + ".json")).as(output).exists();
            JsonNode report = JSON.readTree(out.resolve("reports").resolve(BATCH + ".json").toFile());
            assertThat(report.path("status").asText()).isEqualTo("completed");

            List<JsonNode> unclassified = events(out.resolve("errors/unclassified").resolve(BATCH + ".jsonl"));
            assertThat(unclassified).hasSize(FILES);
            for (int f = 0; f < FILES; f++) {
                JsonNode event = unclassified.get(f);
                assertThat(event.path("file").asText()).isEqualTo("part-" + f + ".json");
                assertThat(event.path("line").asInt()).isEqualTo(HUGE_LINE);
                assertThat(event.path("message").asText()).contains("aep.records.max-chars");
            }
            List<JsonNode> read = events(out.resolve("errors/malformed-xdm").resolve(BATCH + ".jsonl"));
            assertThat(read).extracting(e -> e.path("file").asText() + ":" + e.path("line").asInt())
                    .as("the records before and after each huge line")
                    .containsExactlyElementsOf(expectedRecords());
        }
    }

    /** Lines 1-3 and 5-7 are error records; line 4 is one JSON string value of {@code chars} characters. */
    private static byte[] fileWithAHugeLine(int chars) {
        ByteArrayOutputStream file = new ByteArrayOutputStream(chars + 1024);
        byte[] record = ERROR_RECORD.getBytes(StandardCharsets.UTF_8);
        for (int line = 1; line < HUGE_LINE; line++) {
            file.writeBytes(record);
        }
        byte[] huge = new byte[chars];
        Arrays.fill(huge, (byte) 'x');
        file.writeBytes("{\"value\":\"".getBytes(StandardCharsets.UTF_8));
        file.writeBytes(huge);
        file.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        for (int line = HUGE_LINE + 1; line <= HUGE_LINE + 3; line++) {
            file.writeBytes(record);
        }
        return file.toByteArray();
    }

    private static List<String> expectedRecords() {
        List<String> expected = new ArrayList<>();
        for (int f = 0; f < FILES; f++) {
            for (int line : new int[] {1, 2, 3, 5, 6, 7}) {
                expected.add("part-" + f + ".json:" + line);
            }
        }
        return expected;
    }

    private static List<JsonNode> events(Path file) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            events.add(JSON.readTree(line));
        }
        return events;
    }
}
