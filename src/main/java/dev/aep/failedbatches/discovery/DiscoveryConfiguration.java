package dev.aep.failedbatches.discovery;

import dev.aep.failedbatches.output.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        createSeenFile(Path.of(properties.parseUri("{{aep.output.dir}}"), "state", "discovery-seen.txt"),
                properties.resolveProperty("aep.output.file-mode").orElse(AtomicFiles.DEFAULT_MODE));
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

    /**
     * Camel's FileIdempotentRepository would create its file with the process umask; the IDs it keeps are output like
     * any other, so the file is created first, with the output mode (the repository then appends to it).
     */
    private static void createSeenFile(Path file, String mode) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(AtomicFiles.parseMode(mode)));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException kept) {
            // a restart: the IDs handed over before are kept
        }
    }
}
