package dev.aep.failedbatches.pipeline;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.ResourceReload;
import org.apache.camel.support.ResourceSupport;
import org.apache.camel.support.RouteWatcherReloadStrategy;

/**
 * Camel's route reload ({@code camel.main.routes-reload-*}) with a rejected route file undone. Camel replaces the
 * routes of an edited file by id; when it then cannot build one (an unknown component, say) the file's old routes
 * are already gone, and until a reload succeeds Camel retries the rejected file with every later edit. Here the last
 * version of each file that Camel accepted is kept, and reloaded as soon as a new version is rejected: its routes
 * run on as they were. Camel still logs the rejection (one line, see log4j2.xml).
 */
final class LastGoodRouteFiles implements ResourceReload {

    private final ResourceReload camelReload;
    private final Map<String, String> lastGood = new ConcurrentHashMap<>();

    private LastGoodRouteFiles(ResourceReload camelReload) {
        this.camelReload = camelReload;
    }

    /** Wraps Camel's reload once the context runs (Camel sets its own reload callback when its watcher starts). */
    static void guard(CamelContext context) throws Exception {
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) throws IOException {
                RouteWatcherReloadStrategy watcher = started.hasService(RouteWatcherReloadStrategy.class);
                if (watcher == null || watcher.getResourceReload() == null
                        || watcher.getResourceReload() instanceof LastGoodRouteFiles) {
                    return;
                }
                LastGoodRouteFiles guard = new LastGoodRouteFiles(watcher.getResourceReload());
                File[] loaded = new File(watcher.getFolder()).listFiles(watcher.getFileFilter());
                for (File file : loaded == null ? new File[0] : loaded) {
                    guard.lastGood.put(key(file.getPath()), Files.readString(file.toPath(), StandardCharsets.UTF_8));
                }
                watcher.setResourceReload(guard);
            }
        });
    }

    @Override
    public void onReload(String name, Resource resource) throws Exception {
        String edited;
        try {
            edited = Files.readString(Path.of(name), StandardCharsets.UTF_8);
        } catch (NoSuchFileException deleted) {
            camelReload.onReload(name, resource);
            return;
        }
        try {
            // what Camel loads is exactly what is remembered as good
            camelReload.onReload(name, version(resource, edited));
            lastGood.put(key(name), edited);
        } catch (Exception rejected) {
            try {
                // a file Camel never accepted is restored as empty: no route, and Camel forgets the rejected one
                camelReload.onReload(name, version(resource, lastGood.getOrDefault(key(name), "")));
            } catch (Exception restoreFailed) {
                rejected.addSuppressed(restoreFailed);
            }
            throw rejected;
        }
    }

    private static String key(String fileName) {
        return Path.of(fileName).toAbsolutePath().normalize().toString();
    }

    /** The file, with the given content: same location and URI, so Camel replaces that file's routes. */
    private static Resource version(Resource file, String content) {
        return new ResourceSupport(file.getScheme(), file.getLocation()) {
            @Override
            public boolean exists() {
                return true;
            }

            @Override
            public URI getURI() {
                return file.getURI();
            }

            @Override
            public InputStream getInputStream() {
                return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
