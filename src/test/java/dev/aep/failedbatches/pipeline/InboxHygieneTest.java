package dev.aep.failedbatches.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What may lie in the inbox besides a plain UTF-8 list of IDs, and what a repeated ID or file name does. */
class InboxHygieneTest extends LoggedPipelineTestSupport {


    private void batch(String id) {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        files.put("part-0.json", "{\"_validationErrors\":[{\"message\":\"Payload body is missing xdmEntity\"}]}\n"
                .getBytes(StandardCharsets.UTF_8));
        simulator().addBatch(id, files);
    }

    private long listings(String id) {
        return simulator().requests().stream()
                .filter(r -> r.path().endsWith("/" + id + "/failed") && !r.rawQuery().contains("path=")).count();
    }

    private List<Path> entries(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    @Test
    void anIdWhoseRetrievalFailsIsRetrievedOnceHoweverOftenTheFileRepeatsIt() throws Exception {
        // the failure must escape the batch's own catch: its dead letter cannot be written
        Files.createDirectories(out);
        Files.writeString(out.resolve("dead-letter"), "a file where the dead-letter folder should be");
        String unknown = "01UNKNOWNREPEATED00000001";
        StringBuilder content = new StringBuilder();
        for (int occurrence = 0; occurrence < 3; occurrence++) {
            content.append(unknown).append('\n');
            for (int other = 0; other < 4; other++) {
                String id = String.format("01REPEATOK%015d", occurrence * 4 + other);
                batch(id);
                content.append(id).append('\n');
            }
        }
        dropInbox("repeated.txt", content.toString());

        await().atMost(Duration.ofSeconds(60)).until(() -> !entries(inbox.resolve(".done"), "repeated").isEmpty()
                || !entries(inbox.resolve(".failed"), "repeated").isEmpty());

        assertThat(report("01REPEATOK000000000000011").path("status").asText()).isEqualTo("completed");
        assertThat(listings(unknown)).as("listings of the failing ID").isEqualTo(1);
        assertThat(logs.text().lines().filter(l -> l.contains("Batch " + unknown + " started")).count()).isEqualTo(1);
    }

    @Test
    void aFileDroppedTwiceKeepsBothCopiesInDone() throws Exception {
        batch("01TWICE000000000000000001");
        batch("01TWICE000000000000000002");
        dropInbox("twice.txt", "01TWICE000000000000000001\n");
        await().atMost(Duration.ofSeconds(60)).until(() -> entries(inbox.resolve(".done"), "twice").size() == 1);
        dropInbox("twice.txt", "01TWICE000000000000000002\n");
        await().atMost(Duration.ofSeconds(60)).until(() -> entries(inbox.resolve(".done"), "twice").size() == 2);

        List<String> contents = entries(inbox.resolve(".done"), "twice").stream().map(p -> {
            assertThat(p.getFileName().toString()).matches("twice-\\d{8}-\\d{9}\\.txt");
            try {
                return Files.readString(p);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        assertThat(contents).containsExactlyInAnyOrder("01TWICE000000000000000001\n", "01TWICE000000000000000002\n");
    }

    @Test
    void aSymbolicLinkIsMovedToFailedAndItsTargetIsNeverRead() throws Exception {
        batch("01LINKTARGET0000000000001");
        Path target = Files.writeString(workDir.resolve("private-list.txt"),
                "01LINKTARGET0000000000001\nroot:x:0:0:s3cr3t-line\n");
        Files.createDirectories(inbox);
        Path link = Files.createSymbolicLink(inbox.resolve("passwd-link"), target);
        dropInbox("after-link.txt", "");

        awaitInboxDone("after-link.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(inbox.resolve(".failed"), "passwd-link").size() == 1);

        Path failed = entries(inbox.resolve(".failed"), "passwd-link").get(0);
        assertThat(Files.isSymbolicLink(failed)).as("the link itself was moved").isTrue();
        assertThat(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(target).hasContent("01LINKTARGET0000000000001\nroot:x:0:0:s3cr3t-line\n");
        assertThat(listings("01LINKTARGET0000000000001")).as("an ID read through the link").isZero();
        List<Path> records = filesUnder(out.resolve("dead-letter/invalid-input"));
        assertThat(records).hasSize(1);
        JsonNode record = JSON.readTree(records.get(0).toFile());
        assertThat(record.path("source").asText()).isEqualTo("passwd-link");
        assertThat(record.path("reason").asText()).contains("symbolic link");
        for (Path written : filesUnder(out)) {
            assertThat(Files.readString(written)).doesNotContain("s3cr3t").doesNotContain("private-list");
        }
        assertThat(logs.text()).contains("passwd-link").doesNotContain("\tat ");
    }

    @Test
    void aFolderInTheInboxIsLoggedOnceAsIgnored() throws Exception {
        Files.createDirectories(inbox.resolve("nested"));
        Files.writeString(inbox.resolve("nested/inside.txt"), "01NESTED00000000000000001\n");
        dropInbox("first.txt", "");
        awaitInboxDone("first.txt");
        dropInbox("second.txt", "");
        awaitInboxDone("second.txt");

        List<String> warnings = logs.text().lines().filter(l -> l.contains("nested")).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("WARN").contains("folder").contains("ignored");
        assertThat(logs.text()).doesNotContain("folder .done").doesNotContain("folder .failed");
        assertThat(inbox.resolve("nested/inside.txt")).exists();
        assertThat(listings("01NESTED00000000000000001")).isZero();
    }

    @Test
    void aUtf16FileWithAByteOrderMarkIsReadAsUtf16() throws Exception {
        batch("01UTF16LE0000000000000001");
        batch("01UTF16BE0000000000000001");
        dropBytes("le.txt", "\uFEFF# written by Notepad\r\n01UTF16LE0000000000000001\r\n", StandardCharsets.UTF_16LE);
        dropBytes("be.txt", "\uFEFF01UTF16BE0000000000000001\n", StandardCharsets.UTF_16BE);

        awaitInboxDone("le.txt");
        awaitInboxDone("be.txt");

        assertThat(report("01UTF16LE0000000000000001").path("status").asText()).isEqualTo("completed");
        assertThat(report("01UTF16BE0000000000000001").path("status").asText()).isEqualTo("completed");
        assertThat(Files.exists(out.resolve("dead-letter"))).isFalse();
    }

    @Test
    void aUtf16FileWithoutByteOrderMarkIsRejectedInOneLineNamingTheEncoding() throws Exception {
        dropBytes("nobom.txt", "01UTF16NOBOM0000000000001\n", StandardCharsets.UTF_16LE);

        await().atMost(Duration.ofSeconds(30)).until(() -> entries(inbox.resolve(".failed"), "nobom").size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> logs.text().contains("nobom.txt"));

        List<String> lines = logs.text().lines().filter(l -> l.contains("nobom.txt") && l.contains("WARN") && l.contains(" inbox - ")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("UTF-16").contains(".failed");
        assertThat(logs.text()).doesNotContain("\tat ");
        JsonNode record = JSON.readTree(out.resolve("dead-letter/invalid-input/nobom.txt-line-0.json").toFile());
        assertThat(record.path("reason").asText()).contains("UTF-16");
    }

    private void dropBytes(String name, String text, Charset charset) throws IOException {
        Files.createDirectories(inbox);
        Path staging = Files.write(workDir.resolve(name + ".staging"), text.getBytes(charset));
        Files.move(staging, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
