package dev.aep.failedbatches.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An inbox file of many IDs goes through the parallel split on the bounded pool aepBatchPool (CallerRuns once its
 * queue is full): every ID is retrieved exactly once, however the pool runs out of room.
 */
class InboxParallelOnceTest extends PipelineTestSupport {

    private static final Pattern FIRST_LISTING = Pattern.compile("/data/foundation/export/batches/([^/]+)/failed");

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("aep.simulator.demo-data", "false");
    }

    @Test
    void threeHundredIdsOfOneFileAreEachRetrievedOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String id = String.format("01INBOXMANY%015d", i);
            ids.add(id);
            // a third with one failed file, a third without failed files, a third unknown to AEP (404, fails fast)
            if (i % 3 == 0) {
                LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
                files.put("part-0.json", "{\"_validationErrors\":[{\"message\":\"Payload body is missing xdmEntity\"}]}\n"
                        .getBytes(StandardCharsets.UTF_8));
                simulator().addBatch(id, files);
            } else if (i % 3 == 1) {
                simulator().addBatch(id, Map.of());
            }
        }
        dropInbox("many.txt", String.join("\n", ids) + "\n");
        awaitInboxDone("many.txt");

        Map<String, Long> retrievals = simulator().requests().stream()
                .filter(r -> r.rawQuery() == null || !r.rawQuery().contains("path="))
                .map(r -> FIRST_LISTING.matcher(r.path()))
                .filter(Matcher::matches)
                .collect(Collectors.groupingBy(m -> m.group(1), Collectors.counting()));
        assertThat(retrievals).containsExactlyInAnyOrderEntriesOf(
                ids.stream().collect(Collectors.toMap(Function.identity(), id -> 1L)));
    }
}
