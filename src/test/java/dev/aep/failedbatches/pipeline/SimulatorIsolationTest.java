package dev.aep.failedbatches.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The simulator is a demo and test aid: the product's wiring must not depend on it, so live mode cannot reach it. */
class SimulatorIsolationTest {

    private static final Path PRODUCT = Path.of("src", "main", "java", "dev", "aep", "failedbatches");

    @Test
    void noProductClassReferencesTheSimulator() throws IOException {
        List<Path> offenders;
        try (Stream<Path> sources = Files.walk(PRODUCT)) {
            offenders = sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(PRODUCT.resolve("simulator")))
                    .filter(SimulatorIsolationTest::mentionsSimulator)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theShippedConfigIsLiveAndOnlyTheDemoProfileStartsTheSimulator() throws IOException {
        assertThat(Files.readAllLines(Path.of("config", "application.properties")))
                .contains("aep.simulator.enabled=false")
                .noneMatch(line -> line.contains("SimulatorConfiguration"));
        assertThat(Files.readAllLines(Path.of("config", "application-demo.properties")))
                .contains("aep.simulator.enabled=true")
                .anyMatch(line -> line.startsWith("camel.main.configuration-classes=")
                        && line.contains("dev.aep.failedbatches.simulator.SimulatorConfiguration"));
    }

    private static boolean mentionsSimulator(Path source) {
        try {
            return Files.readString(source).contains("failedbatches.simulator");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
