package dev.aep.failedbatches.testsupport;

import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/** One running instance of the bundle in this JVM: a Camel Main with the given property files and overrides. */
public final class AppInstance implements AutoCloseable {

    private final Main main = new Main();

    public AppInstance(String propertyLocations, Map<String, String> overrides) throws Exception {
        Properties properties = new Properties();
        // instances run side by side: each management server takes a free port unless the test names one
        properties.put("aep.management.port", "0");
        properties.putAll(overrides);
        main.setPropertyPlaceholderLocations(propertyLocations);
        main.setOverrideProperties(properties);
        main.start();
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    @Override
    public void close() throws Exception {
        main.stop();
    }
}
