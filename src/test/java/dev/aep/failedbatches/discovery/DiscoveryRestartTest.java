package dev.aep.failedbatches.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.failedbatches.simulator.CatalogBatch;
import dev.aep.failedbatches.testsupport.AppInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** An instance stopped in the middle of a discovery run, and another started on its output folder. */
class DiscoveryRestartTest {

    @Test
    void aRestartInTheMiddleOfARunRepeatsNothingThatHadCompletedAndSkipsNothing() throws Exception {
        try (DiscoveryCluster cluster = new DiscoveryCluster("discovery-restart")) {
            long oldest = System.currentTimeMillis() - 600_000;
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                String id = String.format("01DISCRESTART%013d", i);
                ids.add(id);
                cluster.aep.addCatalogBatch(CatalogBatch.failed(id, oldest + i));
            }
            List<String> firstPage = ids.subList(0, 100);
            List<String> secondPage = ids.subList(100, 150);
            // the run stops at its second list page: the first page has been handed over
            cluster.aep.holdCatalogListingsFrom(100);

            AppInstance first = cluster.start("prod");
            try {
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                        .until(() -> cluster.aep.heldCatalogListings() == 1);
            } finally {
                first.close();
            }
            cluster.aep.releaseCatalogListings();

            try (AppInstance second = cluster.start("blue")) {
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                        .until(() -> ids.stream().allMatch(cluster::reported));
                long polls = cluster.catalogListingsBy("blue");
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                        .until(() -> cluster.catalogListingsBy("blue") >= polls + 2);
            }

            assertThat(cluster.retrievalsBy("prod")).as("retrieved before the restart")
                    .containsExactlyInAnyOrderEntriesOf(once(firstPage));
            assertThat(cluster.retrievalsBy("blue")).as("retrieved after the restart")
                    .containsExactlyInAnyOrderEntriesOf(once(secondPage));
        }
    }

    private static Map<String, Long> once(List<String> ids) {
        return ids.stream().collect(Collectors.toMap(Function.identity(), id -> 1L));
    }
}
