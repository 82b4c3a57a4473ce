package dev.aep.failedbatches.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 10,000 batches on disk: the page reads only the newest max-rows reports and says that it is capped. */
class OverviewScaleTest {

    @TempDir
    Path root;

    @Test
    void tenThousandBatchesMakeACappedPageOfTheNewest() throws Exception {
        Path reports = Files.createDirectories(root.resolve("reports"));
        Path errors = Files.createDirectories(root.resolve("errors/validation"));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 10_000; i++) {
            String id = String.format("01SCALE%019d", i);
            Instant finished = start.plusSeconds(i);
            Path report = Files.writeString(reports.resolve(id + ".json"), "{\"batchId\":\"" + id
                    + "\",\"status\":\"completed\",\"files\":[{\"name\":\"part-0.json\",\"errors\":2}],"
                    + "\"counts\":{\"validation\":2},\"errors\":2,\"startedAt\":\"" + finished.minusSeconds(1)
                    + "\",\"finishedAt\":\"" + finished + "\"}");
            Files.setLastModifiedTime(report, FileTime.from(finished));
            Files.writeString(errors.resolve(id + ".jsonl"), "{\"message\":\"missing key m" + (i % 12) + "\"}\n".repeat(2));
        }

        long began = System.nanoTime();
        OverviewData data = new OverviewScan(500, 50, 20_000).scan(root);
        String html = OverviewPage.render(data, Instant.now());
        long millis = (System.nanoTime() - began) / 1_000_000;
        System.out.println("10,000 batches: scan and render took " + millis + " ms, page " + html.length() + " chars");

        assertThat(data.rows()).hasSize(500);
        assertThat(data.rows().get(0).batchId()).isEqualTo(String.format("01SCALE%019d", 9_999));
        assertThat(data.topMessages().get("validation")).hasSize(10);
        assertThat(data.topMessages().get("validation").stream().mapToLong(OverviewData.MessageCount::count).sum())
                .as("messages of the newest 50 batches only, at most the top 10").isLessThanOrEqualTo(100);
        assertThat(html).contains("Only the newest 500 of 10000 batches are shown");
    }
}
