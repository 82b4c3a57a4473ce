package dev.aep.failedbatches.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import dev.aep.failedbatches.simulator.CatalogBatch;
import dev.aep.failedbatches.testsupport.EmbeddedBroker;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With aep.queue.enabled=true, discovered batch IDs go onto the input queue (a real Artemis) and are retrieved once. */
class DiscoveryQueueTest extends PipelineTestSupport {

    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> props = new HashMap<>(DiscoveryFixtures.fastDiscovery());
        props.put("aep.queue.enabled", "true");
        props.put("aep.sinks.jms.broker-url", broker.url());
        return props;
    }

    @Test
    void discoveredBatchesGoThroughTheInputQueueAndAreRetrievedOnce() throws Exception {
        long now = System.currentTimeMillis();
        List<String> ids = List.of("01DISCQUEUE00000000000001", "01DISCQUEUE00000000000002", "01DISCQUEUE00000000000003");
        for (int i = 0; i < ids.size(); i++) {
            simulator().addCatalogBatch(CatalogBatch.failed(ids.get(i), now - 3000 + i));
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> ids.stream().allMatch(id -> Files.exists(out.resolve("reports").resolve(id + ".json"))));
        long polls = DiscoveryFixtures.firstPageListings(simulator());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> DiscoveryFixtures.firstPageListings(simulator()) >= polls + 2);

        assertThat(broker.messagesAdded("aep.batches")).as("messages put on the input queue").isEqualTo(ids.size());
        assertThat(DiscoveryFixtures.retrievals(simulator()))
                .containsExactlyInAnyOrderEntriesOf(ids.stream().collect(Collectors.toMap(Function.identity(), id -> 1L)));
    }
}
