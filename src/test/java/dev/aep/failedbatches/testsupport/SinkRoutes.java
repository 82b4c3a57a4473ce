package dev.aep.failedbatches.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** The production routes with sinks.camel.yaml replaced, in a routes/ folder of the test's own. */
public final class SinkRoutes {

    private SinkRoutes() {
    }

    /** @return the value for camel.main.routes-include-pattern */
    public static String withSinks(String sinksYaml) {
        return withSinks(sinksYaml, Map.of());
    }

    /**
     * As {@link #withSinks(String)}, plus route files of the user's own (file name to YAML) dropped next to the
     * production ones, the way a user adds a sink: no Java.
     * @return the value for camel.main.routes-include-pattern
     */
    public static String withSinks(String sinksYaml, Map<String, String> ownRouteFiles) {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-work")), "routes-")
                    .resolve("routes");
            Files.createDirectories(dir);
            try (Stream<Path> production = Files.list(Path.of("routes"))) {
                for (Path file : production.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            Files.writeString(dir.resolve("sinks.camel.yaml"), sinksYaml);
            for (Map.Entry<String, String> own : ownRouteFiles.entrySet()) {
                Files.writeString(dir.resolve(own.getKey()), own.getValue());
            }
            return "file:" + dir.toAbsolutePath() + "/*.camel.yaml";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mapping route: every category to the given sinks (comma-separated names); reports nowhere. */
    public static String allTo(String sinks) {
        return """
                - route:
                    id: aep-sinks-by-category
                    from:
                      uri: direct
                      parameters:
                        name: aep-sinks-by-category
                      steps:
                        - setHeader:
                            name: aepSinks
                            expression:
                              constant:
                                expression: "%s"
                - route:
                    id: aep-sinks-for-reports
                    from:
                      uri: direct
                      parameters:
                        name: aep-sinks-for-reports
                      steps:
                        - log:
                            loggingLevel: DEBUG
                            message: "report ready"
                """.formatted(sinks);
    }

    /** Every category to the e-mail sink; reports nowhere. */
    public static final String ALL_TO_EMAIL = allTo("email");
}
