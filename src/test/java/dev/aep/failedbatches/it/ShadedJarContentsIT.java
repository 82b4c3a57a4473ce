package dev.aep.failedbatches.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar holds only what was chosen: its package prefixes (two levels) are checked against an allow-list,
 * so a new transitive dependency (a second logging API, kotlin-stdlib) fails the build until someone
 * decides to keep it and adds it to src/test/resources/shaded-jar-packages.txt.
 */
class ShadedJarContentsIT {

    @Test
    void theShadedJarHoldsOnlyAllowedPackages() throws IOException {
        Set<String> allowed = new TreeSet<>(Files.readAllLines(Path.of("src/test/resources/shaded-jar-packages.txt"),
                StandardCharsets.UTF_8));
        Set<String> found = new TreeSet<>();
        Set<String> artifacts = new TreeSet<>();
        try (ZipFile jar = new ZipFile(Path.of("target/aep-failed-batches-runnable.jar").toFile())) {
            jar.stream().map(ZipEntry::getName).filter(name -> name.startsWith("META-INF/maven/"))
                    .map(name -> name.split("/")).filter(parts -> parts.length > 3)
                    .forEach(parts -> artifacts.add(parts[2] + ":" + parts[3]));
            jar.stream().map(ZipEntry::getName).filter(name -> !name.startsWith("META-INF/"))
                    .forEach(name -> {
                        String[] parts = name.split("/");
                        if (parts.length > 2) {
                            found.add(parts[0] + "/" + parts[1]);
                        }
                        if (parts.length >= 2) {
                            found.add(parts[0]);
                        }
                    });
        }
        assertThat(found).as("package prefixes not in the allow-list").isSubsetOf(allowed);
        assertThat(found).as("excluded on purpose").noneMatch(p -> p.startsWith("kotlin"));
        assertThat(artifacts).as("one org.apache.commons.logging: spring-jcl's, not commons-logging's")
                .doesNotContain("commons-logging:commons-logging").noneMatch(a -> a.startsWith("org.jetbrains.kotlin:"));
    }

    @Test
    void theLibraryJarHoldsTheRoutesAndConfigButNoSimulatorDemoDataOrLoggingSetup() throws IOException {
        Set<String> names = new TreeSet<>();
        try (ZipFile jar = new ZipFile(Path.of("target/aep-failed-batches.jar").toFile())) {
            jar.stream().map(ZipEntry::getName).forEach(names::add);
        }
        try (var routes = Files.list(Path.of("routes"))) {
            routes.map(p -> "aep/routes/" + p.getFileName()).forEach(route -> assertThat(names).contains(route));
        }
        assertThat(names).contains("aep/config/application.properties",
                "dev/aep/failedbatches/pipeline/AepBundleConfiguration.class");
        assertThat(names).as("a host keeps its own logging and has no demo").noneMatch(n -> n.startsWith("log4j2")
                || n.startsWith("dev/aep/failedbatches/simulator/") || n.startsWith("simulator/")
                || n.contains("application-demo") || n.startsWith("org/apache/logging/"));
    }
}
