package dev.aep.failedbatches.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

class InboxTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        // a file is taken once it has not changed for 1 s (the production default), checked every 100 ms
        return Map.of("aep.inbox.read-lock-min-age-ms", "1000");
    }

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
        NotifyBuilder pickedUp = new NotifyBuilder(context).fromRoute("aep-inbox").whenReceived(1).create();
        ScheduledPollConsumer poller = (ScheduledPollConsumer) context.getRoute("aep-inbox").getConsumer();
        // written only once the inbox is being polled, so that the polls do overlap the writing
        await().atMost(Duration.ofSeconds(30)).until(poller::isFirstPollDone);
        Files.createDirectories(inbox);
        Path growing = inbox.resolve("growing.txt");
        Files.writeString(growing, "# being written\n");
        // The writer appends more often than the read lock's minimum age (1 s here), over several polls (100 ms):
        // the file must stay where it is until it has stopped changing.
        for (int i = 0; i < 8; i++) {
            await().during(Duration.ofMillis(150)).atMost(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(pickedUp.matches()).as("picked up while still being written").isFalse());
            Files.writeString(growing, "#\n", StandardOpenOption.APPEND);
        }
        Files.writeString(growing, "01INBOX0000000000000000002\n", StandardOpenOption.APPEND);

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
