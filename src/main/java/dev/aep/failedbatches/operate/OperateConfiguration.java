package dev.aep.failedbatches.operate;

import dev.aep.failedbatches.auth.AccessTokenProvider;
import dev.aep.failedbatches.discovery.CatalogDiscovery;
import dev.aep.failedbatches.pipeline.AepSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/**
 * What operators see: the bundle's health checks (found by Camel's health registry) and its metrics (an event notifier
 * and route policy factory that Camel Main picks up from the registry; published with Camel's own metrics).
 * Runs after {@code AepBundleConfiguration}; the token provider is looked up when a probe runs.
 */
public class OperateConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        AepSettings settings = new AepSettings(context.getPropertiesComponent());
        Registry registry = context.getRegistry();
        BundleMetrics metrics = new BundleMetrics(settings.get("aep.api.base-url", "https://platform.adobe.io"));
        registry.bind("aepMetrics", metrics);
        if ("true".equalsIgnoreCase(settings.get("aep.discovery.enabled", "false"))) {
            metrics.setDiscoveryLag(() -> {
                CatalogDiscovery discovery = registry.lookupByNameAndType("aepDiscovery", CatalogDiscovery.class);
                return discovery == null ? Double.NaN : discovery.lagSeconds();
            });
        }
        // Camel Main adds such beans only when it finds them before the configuration classes run
        context.getManagementStrategy().addEventNotifier(metrics);
        context.addRoutePolicyFactory(metrics);
        context.addRoutePolicyFactory(new LogContext());
        AccessTokenProvider tokens = registry.lookupByNameAndType("aepTokens", AccessTokenProvider.class);
        if (tokens != null) {
            tokens.setListener(metrics::tokenRequested);
        }
        registry.bind("aepOutputFolderHealth", new OutputFolderHealthCheck(Path.of(settings.get("aep.output.dir", "out"))));
        registry.bind("aepTokenHealth", new TokenHealthCheck(
                () -> registry.lookupByNameAndType("aepTokens", AccessTokenProvider.class), Duration.ofSeconds(30),
                Clock.systemUTC()));
        registry.bind("aepCircuitBreakerHealth", new CircuitBreakerHealthCheck());
        context.getManagementStrategy().addEventNotifier(new StartedLine());
    }
}
