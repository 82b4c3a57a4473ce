package dev.aep.failedbatches.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.failedbatches.simulator.CatalogBatch;
import dev.aep.failedbatches.testsupport.AppInstance;
import dev.aep.failedbatches.testsupport.JarProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The leader is the packaged jar in its own JVM; kill -9 leaves its lock file behind, with a heartbeat that no longer
 * moves. The follower (in this JVM, on the same cluster folder) takes over within the interval plus the lease.
 */
class DiscoveryLeaderKillIT {

    @Test
    void whenTheLeaderIsKilledTheFollowerTakesOver() throws Exception {
        try (DiscoveryCluster cluster = new DiscoveryCluster("discovery-kill")) {
            String early = "01DISCKILL000000000000001";
            String late = "01DISCKILL000000000000002";
            cluster.aep.addCatalogBatch(CatalogBatch.failed(early, System.currentTimeMillis() - 1000));
            List<String> options = cluster.properties("prod").entrySet().stream()
                    .filter(e -> e.getKey().startsWith("aep.discovery.") || e.getKey().equals("aep.sandbox")
                            || e.getKey().equals("aep.output.dir") || e.getKey().equals("aep.inbox.enabled"))
                    .map(e -> "-D" + e.getKey() + "=" + e.getValue())
                    .toList();
            Process leader = JarProcess.start(cluster.aep, DiscoveryCluster.SECRET, options,
                    cluster.out.resolveSibling("leader.log"));
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                        .until(() -> cluster.reported(early));
                try (AppInstance follower = cluster.start("blue")) {
                    long polls = cluster.catalogListingsBy("prod");
                    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                            .until(() -> cluster.catalogListingsBy("prod") >= polls + 3);
                    assertThat(cluster.catalogListingsBy("blue")).as("Catalog listings by the follower").isZero();

                    leader.destroyForcibly().waitFor();
                    long killed = System.nanoTime();
                    cluster.aep.addCatalogBatch(CatalogBatch.failed(late, System.currentTimeMillis()));
                    await().atMost(DiscoveryLeaderTest.TAKEOVER.plusSeconds(10)).pollInterval(Duration.ofMillis(50))
                            .until(() -> cluster.catalogListingsBy("blue") > 0);
                    // interval + lease, plus the 1 s acquire delay and scheduling slack on a loaded 2-core CI machine
                    // (a lease of 5 x 8 s instead of 5 x 1 s still fails it)
                    assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("takeover")
                            .isLessThanOrEqualTo(DiscoveryLeaderTest.TAKEOVER.plusSeconds(4));
                    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                            .until(() -> cluster.reported(late));
                }
            } finally {
                leader.destroyForcibly().waitFor();
            }
            assertThat(cluster.retrievalsBy("prod")).containsExactlyInAnyOrderEntriesOf(Map.of(early, 1L));
            assertThat(cluster.retrievalsBy("blue")).containsExactlyInAnyOrderEntriesOf(Map.of(late, 1L));
        }
    }
}
