package dev.aep.failedbatches.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refresh reads only what changed: an unchanged category file (same size and modification time) is counted from
 * what the previous scan read, a batch that ended since then is read, and a replaced file is read again.
 */
class OverviewScanIncrementalTest {

    @TempDir
    Path root;

    @Test
    void aRefreshReadsOnlyTheBatchesThatEndedSinceThePreviousPage() throws Exception {
        OverviewScan scan = new OverviewScan(500, 50, 20_000);
        Path first = batch("01INCREMENTAL0000000000001", "missing key a", Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(messages(scan.scan(root))).containsExactly("missing key a=1");

        // the same bytes count, other content, same modification time: taken as unchanged, so not read again
        FileTime kept = Files.getLastModifiedTime(first);
        Files.writeString(first, "{\"message\":\"missing key z\"}\n");
        Files.setLastModifiedTime(first, kept);
        batch("01INCREMENTAL0000000000002", "missing key b", Instant.parse("2026-01-01T00:00:01Z"));
        assertThat(messages(scan.scan(root))).as("only the new batch was read")
                .containsExactly("missing key a=1", "missing key b=1");

        // replaced (a new modification time): read again
        Files.setLastModifiedTime(first, FileTime.from(Instant.parse("2026-01-01T00:00:05Z")));
        assertThat(messages(scan.scan(root))).containsExactly("missing key b=1", "missing key z=1");
    }

    private Path batch(String id, String message, Instant finished) throws Exception {
        Path report = Files.createDirectories(root.resolve("reports")).resolve(id + ".json");
        Files.writeString(report, "{\"batchId\":\"" + id + "\",\"status\":\"completed\",\"files\":[{\"name\":\"p\"}],"
                + "\"counts\":{\"validation\":1},\"errors\":1,\"finishedAt\":\"" + finished + "\"}");
        Files.setLastModifiedTime(report, FileTime.from(finished));
        Path errors = Files.createDirectories(root.resolve("errors/validation")).resolve(id + ".jsonl");
        Files.writeString(errors, "{\"message\":\"" + message + "\"}\n");
        Files.setLastModifiedTime(errors, FileTime.from(finished));
        return errors;
    }

    private static List<String> messages(OverviewData data) {
        return data.topMessages().get("validation").stream().map(m -> m.message() + "=" + m.count()).sorted().toList();
    }
}
