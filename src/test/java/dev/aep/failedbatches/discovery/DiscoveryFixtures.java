package dev.aep.failedbatches.discovery;

import dev.aep.failedbatches.simulator.AepSimulator;
import dev.aep.failedbatches.simulator.RecordedRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the discovery tests set and what they read from the simulator's request log. */
final class DiscoveryFixtures {

    private static final Pattern FAILED_LISTING = Pattern.compile("/data/foundation/export/batches/([^/]+)/failed");
    static final String CATALOG_LIST = "/data/foundation/catalog/batches";

    private DiscoveryFixtures() {
    }

    /** Discovery on, every second, on a simulator without its demo batches (those are failed batches too). */
    static Map<String, String> fastDiscovery() {
        return Map.of(
                "aep.discovery.enabled", "true",
                "aep.discovery.interval-seconds", "1",
                "aep.discovery.since", "PT1H",
                "aep.simulator.demo-data", "false",
                "aep.inbox.enabled", "false");
    }

    /** Batch ID → how many times its retrieval started (its first failed-file listing page). */
    static Map<String, Long> retrievals(AepSimulator simulator) {
        return simulator.requests().stream()
                .filter(r -> r.rawQuery() == null || !r.rawQuery().contains("start=") || r.rawQuery().contains("start=0"))
                .map(r -> FAILED_LISTING.matcher(r.path()))
                .filter(Matcher::matches)
                .collect(Collectors.groupingBy(m -> m.group(1), Collectors.counting()));
    }

    /** Discovery runs so far: Catalog list requests for the first page. */
    static long firstPageListings(AepSimulator simulator) {
        return simulator.requests().stream().filter(DiscoveryFixtures::isFirstCatalogPage).count();
    }

    static long catalogListings(AepSimulator simulator) {
        return simulator.requests().stream().filter(r -> r.path().equals(CATALOG_LIST)).count();
    }

    private static boolean isFirstCatalogPage(RecordedRequest r) {
        return r.path().equals(CATALOG_LIST) && r.rawQuery() != null && r.rawQuery().contains("&start=0");
    }
}
