package dev.aep.failedbatches.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboxTest extends PipelineTestSupport {

    private void batch(String id) {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        files.put("part-0.json", "{\"_validationErrors\":[{\"message\":\"Payload body is missing xdmEntity\"}]}\n"
                .getBytes(StandardCharsets.UTF_8));
        simulator().addBatch(id, files);
    }

    @Test
    void validIdsAreRetrievedAndInvalidLinesAreDeadLetteredOneByOne() throws Exception {
        batch("01INBOX0000000000000000001");
        batch("af838510-2233-11ea-acf0-f3edfcded2d9");
        String sixtyFive = "A".repeat(65);
        String content = "\uFEFF# batches of the night\r\n"
                + "  01INBOX0000000000000000001  \r\n"
                + "\r\n"
                + "../../etc\n"
                + "a/b\n"
                + sixtyFive + "\n"
                + "b\u00e4tch\n"
                + "af838510-2233-11ea-acf0-f3edfcded2d9";
        dropInbox("night.txt", content);
        awaitInboxDone("night.txt");

        assertThat(report("01INBOX0000000000000000001").path("counts").path("missing-xdm-entity").asLong()).isEqualTo(1);
        assertThat(report("af838510-2233-11ea-acf0-f3edfcded2d9").path("status").asText()).isEqualTo("completed");

        Path invalid = out.resolve("dead-letter/invalid-input");
        List<Path> records = filesUnder(invalid);
        assertThat(records).hasSize(4);
        JsonNode first = JSON.readTree(invalid.resolve("night.txt-line-4.json").toFile());
        assertThat(first.path("value").asText()).isEqualTo("../../etc");
        assertThat(first.path("line").asInt()).isEqualTo(4);
        assertThat(first.path("reason").asText()).contains("not a valid batch ID");
        assertThat(JSON.readTree(invalid.resolve("night.txt-line-6.json").toFile()).path("value").asText())
                .isEqualTo(sixtyFive);
        assertThat(filesUnder(workDir)).noneMatch(p -> p.toString().contains("etc"));
    }

    @Test
    void filesStillBeingWrittenAreNotPickedUpEarly() throws Exception {
        batch("01INBOX0000000000000000002");
        Files.createDirectories(inbox);
        Path growing = inbox.resolve("growing.txt");
        Files.writeString(growing, "# being written\n");
        for (int i = 0; i < 5; i++) {
            Thread.sleep(40);
            Files.writeString(growing, Files.readString(growing) + "#\n");
        }
        Files.writeString(growing, Files.readString(growing) + "01INBOX0000000000000000002\n");

        awaitInboxDone("growing.txt");

        assertThat(report("01INBOX0000000000000000002").path("status").asText()).isEqualTo("completed");
    }

    @Test
    void anEmptyInboxFileIsSimplyDone() throws Exception {
        dropInbox("empty.txt", "");
        awaitInboxDone("empty.txt");
        assertThat(Files.exists(out.resolve("dead-letter"))).isFalse();
    }
}
