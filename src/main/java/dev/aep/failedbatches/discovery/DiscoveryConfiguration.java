package dev.aep.failedbatches.discovery;

import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The cluster service that elects the one discovery poller (master: in routes/discovery.camel.yaml). By default a
 * file lock in {@code aep.discovery.cluster-dir}; with {@code aep.discovery.cluster-service=none} the host brings its
 * own (e.g. Camel's Kubernetes lease service). A cluster service the host already added is kept either way.
 * Called by {@code AepBundleConfiguration}, so a host that lists only that class gets it too.
 */
public class DiscoveryConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        String kind = properties.resolveProperty("aep.discovery.cluster-service").orElse("file").strip();
        if (!context.hasServices(CamelClusterService.class).isEmpty() || "none".equals(kind)) {
            return;
        }
        if (!"file".equals(kind)) {
            throw new IllegalArgumentException("aep.discovery.cluster-service must be file or none, not: " + kind);
        }
        FileLockClusterService service = new FileLockClusterService();
        service.setId("aep-discovery-" + context.getUuidGenerator().generateUuid());
        service.setRoot(properties.parseUri("{{aep.discovery.cluster-dir}}"));
        service.setAcquireLockDelay(1, TimeUnit.SECONDS);
        service.setAcquireLockInterval(Long.parseLong(properties.parseUri("{{aep.discovery.lock-interval-seconds}}")),
                TimeUnit.SECONDS);
        context.addService(service);
    }
}
