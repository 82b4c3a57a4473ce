package dev.aep.failedbatches.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aep.failedbatches.pipeline.LoggedPipelineTestSupport;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The one INFO line that ends an inbox file counts what the outputs on disk say. */
class RunSummaryTest extends LoggedPipelineTestSupport {


    @Test
    void theLastLineOfAnInboxFileSummarisesItsBatches() throws Exception {
        List<String> demo = simulator().demoBatchIds();
        dropInbox("run.txt", String.join("\n", demo) + "\n01UNKNOWN00000000000000404\nnot an id!\n");
        awaitInboxDone("run.txt");

        long errors = 0;
        Map<String, Long> categories = new TreeMap<>();
        for (String batchId : demo) {
            JsonNode report = report(batchId);
            errors += report.path("errors").asLong();
            report.path("counts").fields().forEachRemaining(count -> {
                if (count.getValue().asLong() > 0) {
                    categories.merge(count.getKey(), count.getValue().asLong(), Long::sum);
                }
            });
        }
        StringBuilder perCategory = new StringBuilder();
        categories.forEach((category, count) -> perCategory.append(category).append('=').append(count).append(' '));
        String expected = "Inbox file run.txt done: " + demo.size() + " batches completed, 1 failed; " + errors
                + " errors (" + perCategory.toString().trim() + ") in ";
        await().until(() -> logs.text().contains("Inbox file run.txt done"));
        String line = logs.text().lines().filter(l -> l.contains("Inbox file run.txt done")).findFirst().orElseThrow();
        assertThat(line).contains(" INFO ").contains(expected)
                .contains("outputs in " + out.toAbsolutePath().normalize());
    }
}
