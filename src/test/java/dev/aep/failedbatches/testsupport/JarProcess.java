package dev.aep.failedbatches.testsupport;

import dev.aep.failedbatches.simulator.AepSimulator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the packaged jar in its own JVM from the project root, pointed at a simulator of the test's. */
public final class JarProcess {

    private JarProcess() {
    }

    /** {@code java <aep connection to simulator> <extra -D options> -jar target/aep-failed-batches-runnable.jar}, output to {@code log}. */
    public static Process start(AepSimulator aep, String clientSecret, List<String> options, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daep.simulator.enabled=false",
                "-Daep.management.port=0",
                "-Daep.api.base-url=" + aep.baseUrl(),
                "-Daep.ims.token-url=" + aep.tokenUrl(),
                "-Daep.auth.client-secret=" + clientSecret,
                "-Daep.auth.client-id=" + aep.settings().clientId(),
                "-Daep.auth.org-id=" + aep.settings().orgId()));
        command.addAll(options);
        command.addAll(List.of("-jar", Path.of("target", "aep-failed-batches-runnable.jar").toString()));
        return new ProcessBuilder(command).directory(new File(".")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
