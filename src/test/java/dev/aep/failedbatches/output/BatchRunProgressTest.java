package dev.aep.failedbatches.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A progress line is due every N files or every M seconds, whichever comes first. */
class BatchRunProgressTest {

    private static final Instant START = Instant.parse("2026-01-31T00:00:00Z");

    @Test
    void slowFilesMakeALineEveryMSecondsAndFastFilesEveryNFiles() {
        BatchRun run = new BatchRun("01HZPROGRESS00000000000001", Path.of("out"), START, List.of("unclassified"));
        run.registerFiles(List.of("a", "b", "c", "d", "e", "f"));
        BatchRun.ProgressEvery every = new BatchRun.ProgressEvery(3, Duration.ofSeconds(10));

        assertThat(run.fileFinished(every, START.plusSeconds(1))).isEmpty();
        // 12 s after the start, only the second file: the time is up
        BatchRun.Progress slow = run.fileFinished(every, START.plusSeconds(12)).orElseThrow();
        assertThat(slow.filesDone()).isEqualTo(2);
        assertThat(slow.fileCount()).isEqualTo(6);
        assertThat(slow.filesPerSecond()).isEqualTo(2 / 12.0);
        // the clock restarts at that line: two more files within 10 s make none
        assertThat(run.fileFinished(every, START.plusSeconds(13))).isEmpty();
        assertThat(run.fileFinished(every, START.plusSeconds(14))).isEmpty();
        // the third file since the last line
        assertThat(run.fileFinished(every, START.plusSeconds(15))).hasValueSatisfying(p -> assertThat(p.filesDone()).isEqualTo(5));
    }
}
