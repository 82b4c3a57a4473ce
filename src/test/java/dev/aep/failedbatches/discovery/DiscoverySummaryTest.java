package dev.aep.failedbatches.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aep.failedbatches.pipeline.LoggedPipelineTestSupport;
import dev.aep.failedbatches.simulator.CatalogBatch;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each discovery poll ends with one summary line, and the discovery lag follows the last complete poll. */
class DiscoverySummaryTest extends LoggedPipelineTestSupport {


    @Override
    protected Map<String, String> extraProperties() {
        return DiscoveryFixtures.fastDiscovery();
    }

    @Test
    void aPollEndsWithItsSummaryAndTheLagIsTheTimeSinceTheLastCompletePoll() {
        // created half an hour ago: the watermark lags by that much, discovery itself does not
        long created = System.currentTimeMillis() - Duration.ofMinutes(30).toMillis();
        simulator().addCatalogBatch(CatalogBatch.failed("01DISCSUMMARY000000000001", created));
        simulator().addCatalogBatch(CatalogBatch.failed("01DISCSUMMARY000000000002", created + 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> logs.text().contains("Catalog discovery poll done: 2 batches"));
        String line = logs.text().lines().filter(l -> l.contains("Catalog discovery poll done: 2 batches")).findFirst()
                .orElseThrow();
        assertThat(line).contains(" INFO ").contains("done: 2 batches completed, 0 failed; 0 errors in ")
                .contains("outputs in " + out.toAbsolutePath().normalize());
        await().atMost(Duration.ofSeconds(10)).until(() -> logs.text().contains("Catalog discovery poll done: 0 batches"));

        MeterRegistry metrics = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        double lag = metrics.get("aep.discovery.lag").gauge().value();
        assertThat(lag).as("seconds since the last complete poll began").isBetween(0.0, 10.0);
    }
}
