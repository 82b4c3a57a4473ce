package dev.aep.failedbatches;

import dev.aep.failedbatches.pipeline.BundleConfigurationException;
import dev.aep.failedbatches.auth.Secrets;
import dev.aep.failedbatches.config.StartupCheck;
import dev.aep.failedbatches.errors.Causes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.main.Main;

/**
 * Runs the bundle with Camel Main: config and YAML routes are read from disk, relative to the working directory,
 * so users edit them without recompiling; where {@code config/} or {@code routes/} is missing, the copies inside the
 * jar ({@code classpath:aep/...}) are used instead. A profile ({@code -Dcamel.main.profile=demo}) adds
 * {@code config/application-<profile>.properties} in front of the shipped config, so its settings win.
 */
public final class Application {

    public static final String CONFIG_LOCATION = "file:config/application.properties";
    /** The default configuration inside the library jar: what a host puts after its own properties. */
    public static final String CLASSPATH_CONFIG = "classpath:aep/config/application.properties";
    static final String ROUTES_FROM_CLASSPATH = "classpath:aep/config/routes-from-classpath.properties";
    static final String RULES_BUILT_IN = "classpath:aep/config/rules-built-in.properties";

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.setPropertyPlaceholderLocations(configLocations(profile(), Path.of("")));
        // before Camel Main configures anything (camel.main.main-listener-classes would be read too late for that)
        main.addMainListener(new StartupCheck());
        int exitCode;
        try {
            exitCode = main.run(args);
        } catch (Exception e) {
            // exit here: a thread already started (the demo's simulator, say) would otherwise keep the JVM alive.
            // Marking Main as shut down first keeps its exit hook from logging "triggered by SIGTERM": none was sent.
            main.getShutdownStrategy().shutdown();
            BundleConfigurationException problem = configurationProblem(e);
            if (problem != null) {
                problem.problems().forEach(line -> System.err.println("aep-failed-batches cannot start: " + line));
            } else {
                System.err.println("aep-failed-batches cannot start: " + firstLine(e.getMessage())
                        + rootCause(e));
            }
            System.exit(2);
            return;
        }
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** The property files of a profile: the profile's own first (the first location that defines a key wins). */
    public static String configLocations(String profile) {
        return profile == null || profile.isBlank()
                ? CONFIG_LOCATION
                : "file:config/application-" + profile.strip() + ".properties," + CONFIG_LOCATION;
    }

    /**
     * The property files of a profile as the runnable jar reads them from {@code workDir}: each file from disk when
     * it is there, else its copy in the jar; without a {@code routes/} folder the routes come from the jar too.
     */
    static String configLocations(String profile, Path workDir) {
        boolean configOnDisk = Files.isRegularFile(workDir.resolve("config/application.properties"));
        List<String> locations = new ArrayList<>();
        if (profile != null && !profile.isBlank()) {
            String file = "config/application-" + profile.strip() + ".properties";
            locations.add(Files.isRegularFile(workDir.resolve(file)) ? "file:" + file : "classpath:aep/" + file);
        }
        if (!Files.isDirectory(workDir.resolve("routes"))) {
            locations.add(ROUTES_FROM_CLASSPATH);
        }
        if (!configOnDisk) {
            locations.add(RULES_BUILT_IN);
        }
        locations.add(configOnDisk ? CONFIG_LOCATION : CLASSPATH_CONFIG);
        return String.join(",", locations);
    }

    private static String profile() {
        return Optional.ofNullable(System.getProperty("camel.main.profile"))
                .orElse(System.getenv("CAMEL_MAIN_PROFILE"));
    }

    private static String rootCause(Throwable e) {
        Throwable root = Causes.root(e);
        return root == e ? "" : " (cause: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + firstLine(root.getMessage())) + ")";
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return Secrets.mask(line.length() > 300 ? line.substring(0, 300) + "..." : line);
    }

    private static BundleConfigurationException configurationProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BundleConfigurationException problem) {
                return problem;
            }
        }
        return null;
    }
}
