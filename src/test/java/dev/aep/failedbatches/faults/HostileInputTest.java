package dev.aep.failedbatches.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import dev.aep.failedbatches.simulator.RecordedRequest;
import dev.aep.failedbatches.testsupport.RecordingHost;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad and hostile input, in the inbox and in what the API serves: each gets a clear record and the rest goes on. */
class HostileInputTest extends PipelineTestSupport {

    private static final byte[] ONE_ERROR = "{\"_validationErrors\":[{\"message\":\"Payload body is missing xdmEntity\"}]}\n"
            .getBytes(StandardCharsets.UTF_8);

    private void smallBatch(String id) {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        files.put("part-0.json", ONE_ERROR);
        simulator().addBatch(id, files);
    }

    @Test
    void aBinaryInboxFileIsRecordedAndMovedToFailed() throws Exception {
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        binary[10] = 0;
        Files.createDirectories(inbox);
        Path staging = Files.write(workDir.resolve("blob.bin"), binary);
        Files.move(staging, inbox.resolve("blob.bin"));
        smallBatch("01AFTERBLOB00000000000001");
        dropInbox("next.txt", "01AFTERBLOB00000000000001\n");

        awaitInboxDone("next.txt");
        org.awaitility.Awaitility.await().until(() -> dev.aep.failedbatches.testsupport.DoneFiles.find(inbox.resolve(".failed"), "blob.bin") != null);

        JsonNode record = JSON.readTree(out.resolve("dead-letter/invalid-input/blob.bin-line-0.json").toFile());
        assertThat(record.path("reason").asText()).contains("binary");
        assertThat(report("01AFTERBLOB00000000000001").path("status").asText()).isEqualTo("completed");
    }

    @Test
    void aHugeInboxFileWithDuplicatesRetrievesEachIdOnce() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            smallBatch(String.format("01HUGE%020d", i));
        }
        for (int line = 0; line < 100_000; line++) {
            content.append(String.format("01HUGE%020d", line % 20)).append(line % 2 == 0 ? "\r\n" : "\n");
        }
        dropInbox("huge.txt", content.toString());

        awaitInboxDone("huge.txt");

        for (int i = 0; i < 20; i++) {
            String id = String.format("01HUGE%020d", i);
            assertThat(report(id).path("errors").asLong()).isEqualTo(1);
            long listings = simulator().requests().stream()
                    .filter(r -> r.path().endsWith("/" + id + "/failed") && !r.rawQuery().contains("path=")).count();
            assertThat(listings).as(id).isEqualTo(1);
        }
    }

    @Test
    void oddRecordsAreEachReportedAndTheBatchCompletes() throws Exception {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        String longMessage = "The message cannot be validated due to the data type error: " + "x".repeat(10 * 1024 * 1024);
        files.put("ten-mb-line.json", ("{\"_errors\":{\"_streamingValidation\":[{\"code\":\"DCVS-1104-400\",\"message\":\""
                + longMessage + "\"}]}}\n").getBytes(StandardCharsets.UTF_8));
        String longButAllowed = "The message cannot be validated due to the data type error: " + "x".repeat(900_000);
        files.put("long-message.json", ("{\"_errors\":{\"_streamingValidation\":[{\"code\":\"DCVS-1104-400\",\"message\":\""
                + longButAllowed + "\"}]}}\n").getBytes(StandardCharsets.UTF_8));
        files.put("deeply-nested.json", ("[".repeat(20_000) + "]".repeat(20_000) + "\n").getBytes(StandardCharsets.UTF_8));
        files.put("not-json.txt", "this is not JSON at all\n<html>nor this</html>\n".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
        latin1.write("{\"_validationErrors\":[{\"keyword\":\"pattern\",\"message\":\"string [".getBytes(StandardCharsets.UTF_8));
        latin1.write(new byte[] {(byte) 0xE9, (byte) 0xFF, (byte) 0xC3});
        latin1.write("] does not match pattern\"}]}\n".getBytes(StandardCharsets.UTF_8));
        files.put("latin1 bytes?.json", latin1.toByteArray());
        simulator().addBatch("01ODDRECORDS0000000000001", files);

        retrieve("01ODDRECORDS0000000000001");

        JsonNode report = report("01ODDRECORDS0000000000001");
        assertThat(report.path("status").asText()).isEqualTo("completed");
        List<JsonNode> malformed = events("malformed-xdm", "01ODDRECORDS0000000000001");
        assertThat(malformed).hasSize(2);
        assertThat(malformed.get(0).path("message").asText().length()).isLessThan(20_000);
        assertThat(malformed.get(1).path("message").asText()).contains("\uFFFD");
        List<JsonNode> unclassified = events("unclassified", "01ODDRECORDS0000000000001");
        assertThat(unclassified).extracting(e -> e.path("file").asText())
                .containsExactly("ten-mb-line.json", "deeply-nested.json", "not-json.txt", "not-json.txt");
        assertThat(unclassified.get(0).path("message").asText())
                .isEqualTo("line 1: the record exceeded aep.records.max-chars (1000000 characters) and was skipped");
        assertThat(unclassified.subList(1, 4))
                .allSatisfy(e -> assertThat(e.path("message").asText()).containsIgnoringCase("not valid JSON"));
    }

    @Test
    void hostileNamesInAListingStayInsideTheirQueryParameterAndTheOutputFolder() throws Exception {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        for (String name : List.of("../../x.json", "/etc/passwd", "a?b=c&path=../d.json", "e#f.json", "g h.json",
                "..%2F..%2Fy.json", "\u00e9t\u00e9.json")) {
            files.put(name, ONE_ERROR);
        }
        simulator().addBatch("01HOSTILENAMES00000000001", files);

        retrieve("01HOSTILENAMES00000000001");

        assertThat(report("01HOSTILENAMES00000000001").path("errors").asLong()).isEqualTo(files.size());
        assertThat(events("missing-xdm-entity", "01HOSTILENAMES00000000001")).extracting(e -> e.path("file").asText())
                .containsExactlyElementsOf(files.keySet());
        assertThat(simulator().requests()).filteredOn(r -> r.rawQuery() != null && r.rawQuery().startsWith("path="))
                .allSatisfy(r -> assertThat(r.rawQuery()).doesNotContain("&").doesNotContain("#").doesNotContain("/"));
        assertThat(filesUnder(workDir)).allSatisfy(p -> assertThat(p.normalize()).startsWith(out));
    }

    @Test
    void aNextLinkToAnotherHostIsRequestedFromTheConfiguredGatewayOnly() throws Exception {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            files.put("part-" + i + ".json", ONE_ERROR);
        }
        simulator().addBatch("01NEXTLINK000000000000001", files);

        try (RecordingHost elsewhere = new RecordingHost()) {
            simulator().faults().nextLinksTo(elsewhere.baseUrl());

            retrieve("01NEXTLINK000000000000001");

            assertThat(elsewhere.hits()).as("requests the other host received").isEmpty();
        }
        assertThat(report("01NEXTLINK000000000000001").path("errors").asLong()).isEqualTo(150);
        assertThat(simulator().requests()).filteredOn(r -> r.path().endsWith("/failed") && !String.valueOf(r.rawQuery()).contains("path="))
                .extracting(RecordedRequest::rawQuery)
                .containsExactly("start=0&limit=100", "start=100&limit=100");
    }
}
