package dev.aep.failedbatches.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import dev.aep.failedbatches.simulator.AepSimulator;
import dev.aep.failedbatches.simulator.CatalogBatch;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Catalog discovery on the simulator, with the production route and properties, polling every second. */
class DiscoveryTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return DiscoveryFixtures.fastDiscovery();
    }

    @Test
    void findsExactlyTheFailedBatches() {
        long now = System.currentTimeMillis();
        List<String> failed = List.of("01DISCFAILED0000000000001", "01DISCFAILED0000000000002", "01DISCFAILURE000000000001");
        simulator().addCatalogBatch(CatalogBatch.failed(failed.get(0), now - 3000));
        simulator().addCatalogBatch(CatalogBatch.failed(failed.get(1), now - 2000));
        simulator().addCatalogBatch(CatalogBatch.failed(failed.get(2), now - 1000).withStatus("failure"));
        for (String status : List.of("success", "loading", "processing", "active")) {
            simulator().addCatalogBatch(CatalogBatch.failed("01DISC" + status.toUpperCase() + "0000000000001".substring(status.length()), now - 500)
                    .withStatus(status));
        }
        awaitReports(failed);
        awaitMorePolls(2);

        assertThat(DiscoveryFixtures.retrievals(simulator())).containsExactlyInAnyOrderEntriesOf(once(failed));
    }

    @Test
    void tiesAcrossAPageBoundaryAreNeitherLostNorDoubled() {
        long tie = System.currentTimeMillis() - 10_000;
        List<String> ids = new ArrayList<>();
        // 80 older batches, then 40 sharing one millisecond: the first page ends inside the tie
        for (int i = 0; i < 120; i++) {
            String id = String.format("01DISCTIE%016d", i);
            ids.add(id);
            simulator().addCatalogBatch(CatalogBatch.failed(id, i < 80 ? tie - 80 + i : tie));
        }
        awaitReports(ids);
        // more batches of the watermark's millisecond turn up later: createdAfter=<watermark> would never list them
        for (int i = 120; i < 130; i++) {
            String id = String.format("01DISCTIE%016d", i);
            ids.add(id);
            simulator().addCatalogBatch(CatalogBatch.failed(id, tie));
        }
        awaitReports(ids);
        awaitMorePolls(2);

        assertThat(DiscoveryFixtures.retrievals(simulator())).containsExactlyInAnyOrderEntriesOf(once(ids));
    }

    @Test
    void aBatchThatAppearsLaterIsFoundOnTheNextPoll() {
        String first = "01DISCEARLY00000000000001";
        String later = "01DISCLATER00000000000001";
        simulator().addCatalogBatch(CatalogBatch.failed(first, System.currentTimeMillis() - 1000));
        awaitReports(List.of(first));
        simulator().addCatalogBatch(CatalogBatch.failed(later, System.currentTimeMillis()));
        awaitReports(List.of(later));
        awaitMorePolls(1);

        assertThat(DiscoveryFixtures.retrievals(simulator())).containsExactlyInAnyOrderEntriesOf(once(List.of(first, later)));
    }

    private void awaitReports(List<String> ids) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> ids.stream().allMatch(id -> Files.exists(out.resolve("reports").resolve(id + ".json"))));
    }

    private void awaitMorePolls(int polls) {
        AepSimulator simulator = simulator();
        long before = DiscoveryFixtures.firstPageListings(simulator);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> DiscoveryFixtures.firstPageListings(simulator) >= before + polls);
    }

    private static Map<String, Long> once(List<String> ids) {
        return ids.stream().collect(Collectors.toMap(Function.identity(), id -> 1L));
    }

}
