package dev.aep.failedbatches;

import org.apache.camel.main.Main;

/** Runs the bundle with Camel Main: config and YAML routes are read from disk, relative to the working directory. */
public final class Application {

    public static final String CONFIG_LOCATION = "file:config/application.properties";

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.setPropertyPlaceholderLocations(CONFIG_LOCATION);
        main.run(args);
    }
}
