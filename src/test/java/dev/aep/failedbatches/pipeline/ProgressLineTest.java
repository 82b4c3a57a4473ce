package dev.aep.failedbatches.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.failedbatches.simulator.GeneratedBatches;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A batch of many part files logs where it stands every aep.progress.every-files files. */
class ProgressLineTest extends LoggedPipelineTestSupport {


    @Override
    protected Map<String, String> extraProperties() {
        // every-seconds far off: only the file count makes a line
        return Map.of("aep.progress.every-files", "3", "aep.progress.every-seconds", "3600");
    }

    @Test
    void aLongBatchLogsItsProgressEveryNFiles() throws Exception {
        GeneratedBatches generated = new GeneratedBatches(1, 7, 4, 0);
        generated.addTo(simulator());
        String batchId = generated.batchIds().get(0);

        retrieve(batchId);

        long errors = report(batchId).path("errors").asLong();
        List<String> lines = logs.text().lines().filter(line -> line.contains("Batch " + batchId + " progress: ")).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains(" INFO ").contains("progress: 3/7 files, ").matches(".* errors so far, \\d+\\.\\d files/s");
        assertThat(lines.get(1)).contains("progress: 6/7 files, ");
        assertThat(errors).as("errors of the whole batch").isEqualTo(7L * 4);
    }
}
