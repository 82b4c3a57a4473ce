package dev.aep.failedbatches.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.failedbatches.simulator.CatalogBatch;
import dev.aep.failedbatches.testsupport.AppInstance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two instances in one JVM on one cluster folder (two file-lock cluster services on one lock file): one polls the
 * Catalog, and when it stops the other takes over.
 */
class DiscoveryLeaderTest {

    /** aep.discovery.interval-seconds (1) plus the lease: 5 missed renewals of a lock renewed every second. */
    static final Duration TAKEOVER = Duration.ofSeconds(1 + 5);

    @Test
    void onlyOneInstancePollsAndTheOtherTakesOverWhenItStops() throws Exception {
        try (DiscoveryCluster cluster = new DiscoveryCluster("discovery-leader")) {
            String early = "01DISCLEADER0000000000001";
            String late = "01DISCLEADER0000000000002";
            cluster.aep.addCatalogBatch(CatalogBatch.failed(early, System.currentTimeMillis() - 1000));

            // the first instance is the leader once it has retrieved a batch; only then the second one starts
            AppInstance leader = cluster.start("prod");
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> cluster.reported(early));
            try (AppInstance follower = cluster.start("blue")) {
                try {
                    // several more polls, all by the leader
                    long polls = cluster.catalogListingsBy("prod");
                    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                            .until(() -> cluster.catalogListingsBy("prod") >= polls + 3);
                    assertThat(cluster.catalogListingsBy("blue")).as("Catalog listings by the follower").isZero();
                } finally {
                    leader.close();
                }
                long stopped = System.nanoTime();
                cluster.aep.addCatalogBatch(CatalogBatch.failed(late, System.currentTimeMillis()));
                await().atMost(TAKEOVER.plusSeconds(4)).pollInterval(Duration.ofMillis(50))
                        .until(() -> cluster.catalogListingsBy("blue") > 0);
                assertThat(Duration.ofNanos(System.nanoTime() - stopped)).as("takeover").isLessThanOrEqualTo(TAKEOVER);
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                        .until(() -> cluster.reported(late));
            }

            assertThat(cluster.retrievalsBy("prod")).containsExactlyInAnyOrderEntriesOf(Map.of(early, 1L));
            assertThat(cluster.retrievalsBy("blue")).containsExactlyInAnyOrderEntriesOf(Map.of(late, 1L));
        }
    }
}
