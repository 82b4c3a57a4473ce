package dev.aep.failedbatches.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.failedbatches.simulator.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class RetrievalTest extends PipelineTestSupport {

    private static byte[] dcvsRecord(String id) {
        return ("{\"body\":{\"xdmEntity\":{\"_id\":\"" + id + "\"}},\"_errors\":{\"_streamingValidation\":[{\"code\":\"DCVS-1106-400\","
                + "\"message\":\"The message cannot be validated because a required property is missing: #/x: required key [y] not found.\"}]}}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void pagesThrough237FilesInThreePagesAndSkipsSuccessMarker() throws Exception {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 237; i++) {
            files.put(String.format("part-%05d-c000.json", i), dcvsRecord("rec-" + i));
        }
        simulator().addBatch("01PAGING00000000000000237", files);

        retrieve("01PAGING00000000000000237");

        JsonNode report = report("01PAGING00000000000000237");
        assertThat(report.path("status").asText()).isEqualTo("completed");
        assertThat(report.path("files")).hasSize(237);
        assertThat(report.path("errors").asLong()).isEqualTo(237);
        assertThat(report.path("counts").path("malformed-xdm").asLong()).isEqualTo(237);
        assertThat(events("malformed-xdm", "01PAGING00000000000000237")).hasSize(237);

        List<RecordedRequest> requests = simulator().requests();
        List<RecordedRequest> listings = requests.stream()
                .filter(r -> r.path().endsWith("/failed") && (r.rawQuery() == null || !r.rawQuery().contains("path=")))
                .toList();
        assertThat(listings).hasSize(3);
        assertThat(requests).noneMatch(r -> r.rawQuery() != null && r.rawQuery().contains("path=_SUCCESS"));
        assertThat(requests.stream().filter(r -> r.rawQuery() != null && r.rawQuery().contains("path="))).hasSize(237);
    }

    @Test
    void everyCallCarriesTheFourAepHeaders() throws Exception {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        files.put("part-00000.json", dcvsRecord("a"));
        simulator().addBatch("01HEADERS0000000000000001", files);

        retrieve("01HEADERS0000000000000001");

        List<RecordedRequest> data = simulator().requests().stream().filter(r -> r.path().startsWith("/data/")).toList();
        assertThat(data).isNotEmpty().allSatisfy(r -> {
            assertThat(r.headers().get("authorization")).startsWith("Bearer ");
            assertThat(r.headers().get("x-api-key")).isEqualTo("demo-client");
            assertThat(r.headers().get("x-gw-ims-org-id")).isEqualTo("DEMO0000000000000000000@AdobeOrg");
            assertThat(r.headers().get("x-sandbox-name")).isEqualTo("prod");
        });
    }

    @Test
    void hostileFileNamesAreOnlyEverSentUrlEncodedAndNeverBecomePaths() throws Exception {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        files.put("../../x.json", dcvsRecord("one"));
        files.put("/etc/passwd", dcvsRecord("two"));
        files.put("a b?c&d#e%2F.json", dcvsRecord("three"));
        simulator().addBatch("01HOSTILE0000000000000001", files);

        retrieve("01HOSTILE0000000000000001");

        List<JsonNode> events = events("malformed-xdm", "01HOSTILE0000000000000001");
        assertThat(events).extracting(e -> e.path("file").asText())
                .containsExactly("../../x.json", "/etc/passwd", "a b?c&d#e%2F.json");
        assertThat(events).extracting(e -> e.path("recordId").asText()).containsExactly("one", "two", "three");
        assertThat(filesUnder(workDir)).allSatisfy(p -> assertThat(p.normalize()).startsWith(out));
        assertThat(Files.exists(workDir.resolve("x.json"))).isFalse();
        assertThat(Files.exists(out.getParent().getParent().resolve("x.json"))).isFalse();
    }

    @Test
    void reRetrievingABatchReplacesItsOutputs() throws Exception {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        files.put("part-0.json", dcvsRecord("a"));
        files.put("part-1.json", "{\"_corrupt_record\":\"{x\",\"_errors\":[{\"code\":\"1401\",\"message\":\"Row is corrupted\"}]}\n"
                .getBytes(StandardCharsets.UTF_8));
        simulator().addBatch("01REPLACE0000000000000001", files);
        retrieve("01REPLACE0000000000000001");
        assertThat(events("corrupt-record", "01REPLACE0000000000000001")).hasSize(1);

        LinkedHashMap<String, byte[]> fewer = new LinkedHashMap<>();
        fewer.put("part-0.json", dcvsRecord("a"));
        simulator().addBatch("01REPLACE0000000000000001", fewer);
        retrieve("01REPLACE0000000000000001");

        assertThat(events("malformed-xdm", "01REPLACE0000000000000001")).hasSize(1);
        assertThat(Files.exists(out.resolve("errors/corrupt-record/01REPLACE0000000000000001.jsonl"))).isFalse();
        assertThat(report("01REPLACE0000000000000001").path("errors").asLong()).isEqualTo(1);
        assertThat(filesUnder(out)).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void unknownBatchIsDeadLetteredWhileTheOtherBatchesOfTheInboxFileComplete() throws Exception {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        files.put("part-0.json", dcvsRecord("a"));
        simulator().addBatch("01GOOD0000000000000000001", files);
        simulator().addBatch("01GOOD0000000000000000002", files);

        dropInbox("mixed.txt", "01GOOD0000000000000000001\n01UNKNOWN00000000000000404\n01GOOD0000000000000000002\n");
        awaitInboxDone("mixed.txt");

        JsonNode dead = deadLetter("01UNKNOWN00000000000000404");
        assertThat(dead.path("status").asText()).isEqualTo("failed");
        assertThat(dead.path("httpStatus").asInt()).isEqualTo(404);
        assertThat(dead.path("reason").asText()).contains("404");
        assertThat(dead.path("at").asText()).isNotBlank();
        assertThat(report("01GOOD0000000000000000001").path("status").asText()).isEqualTo("completed");
        assertThat(report("01GOOD0000000000000000002").path("status").asText()).isEqualTo("completed");
        assertThat(Files.exists(out.resolve("reports/01UNKNOWN00000000000000404.json"))).isFalse();
    }

    @Test
    void forbiddenIsNotRetriedAndEndsInADeadLetter() throws Exception {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        files.put("part-0.json", dcvsRecord("a"));
        simulator().addBatch("01FORBIDDEN00000000000001", files);
        simulator().faults().failNextListings(1, 403, null);

        retrieve("01FORBIDDEN00000000000001");

        assertThat(deadLetter("01FORBIDDEN00000000000001").path("httpStatus").asInt()).isEqualTo(403);
        long listingCalls = simulator().requests().stream().filter(r -> r.path().endsWith("/failed")).count();
        assertThat(listingCalls).isEqualTo(1);
    }

    @Test
    void aBatchWithNoFailedFilesCompletesWithAnEmptyReport() throws Exception {
        simulator().addBatch("01EMPTY000000000000000001", new LinkedHashMap<>());

        retrieve("01EMPTY000000000000000001");

        JsonNode report = report("01EMPTY000000000000000001");
        assertThat(report.path("files")).isEmpty();
        assertThat(report.path("errors").asLong()).isZero();
        assertThat(StreamSupport.stream(report.path("counts").spliterator(), false)).allMatch(n -> n.asLong() == 0);
    }
}
