package dev.aep.failedbatches.discovery;

import dev.aep.failedbatches.Application;
import dev.aep.failedbatches.simulator.AepSimulator;
import dev.aep.failedbatches.simulator.SimulatorSettings;
import dev.aep.failedbatches.testsupport.AppInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Instances of the bundle with discovery on, in this JVM, against one simulator of their own and one output folder
 * (so one state folder and one cluster folder). Each instance has its own sandbox, which the simulator records with
 * every request: that tells which instance asked.
 */
final class DiscoveryCluster implements AutoCloseable {

    static final String SECRET = "discovery-secret";
    private static final Pattern FAILED_LISTING = Pattern.compile("/data/foundation/export/batches/([^/]+)/failed");

    final AepSimulator aep;
    final Path out;

    DiscoveryCluster(String name) throws IOException {
        out = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-work")), name + "-")
                .resolve("out").toAbsolutePath();
        aep = new AepSimulator(new SimulatorSettings().clientId("demo-client").clientSecret(SECRET)
                .extraSandboxes(Set.of("blue", "green")).loadDemoData(false)).start();
    }

    /** The properties of an instance in {@code sandbox}, polling every second, the lock tried every second. */
    Map<String, String> properties(String sandbox) {
        Map<String, String> props = new HashMap<>(DiscoveryFixtures.fastDiscovery());
        props.put("aep.simulator.enabled", "false");
        props.put("aep.api.base-url", aep.baseUrl());
        props.put("aep.ims.token-url", aep.tokenUrl());
        props.put("aep.auth.client-secret", SECRET);
        props.put("aep.auth.client-id", "demo-client");
        props.put("aep.auth.org-id", aep.settings().orgId());
        props.put("aep.sandbox", sandbox);
        props.put("aep.output.dir", out.toString());
        props.put("aep.discovery.lock-interval-seconds", "1");
        props.put("camel.main.shutdown-timeout", "2");
        return props;
    }

    AppInstance start(String sandbox) throws Exception {
        return new AppInstance(Application.CONFIG_LOCATION, properties(sandbox));
    }

    /** Catalog list requests made by the instance in {@code sandbox}. */
    long catalogListingsBy(String sandbox) {
        return aep.requests().stream()
                .filter(r -> r.path().equals(DiscoveryFixtures.CATALOG_LIST))
                .filter(r -> sandbox.equals(r.headers().get("x-sandbox-name")))
                .count();
    }

    /** Batch ID → how many times the instance in {@code sandbox} started its retrieval (first failed-file listing). */
    Map<String, Long> retrievalsBy(String sandbox) {
        return aep.requests().stream()
                .filter(r -> sandbox.equals(r.headers().get("x-sandbox-name")))
                .filter(r -> r.rawQuery() == null || !r.rawQuery().contains("path=") && (!r.rawQuery().contains("start=")
                        || r.rawQuery().contains("start=0")))
                .map(r -> FAILED_LISTING.matcher(r.path()))
                .filter(Matcher::matches)
                .collect(Collectors.groupingBy(m -> m.group(1), Collectors.counting()));
    }

    boolean reported(String id) {
        return Files.exists(out.resolve("reports").resolve(id + ".json"));
    }

    @Override
    public void close() {
        aep.close();
    }
}
