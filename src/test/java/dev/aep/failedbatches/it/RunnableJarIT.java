package dev.aep.failedbatches.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aep.failedbatches.simulator.AepSimulator;
import dev.aep.failedbatches.simulator.SimulatorSettings;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar the way the README says, from the project root, in a separate JVM. */
class RunnableJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAR = Path.of("target", "aep-failed-batches-runnable.jar");

    @TempDir
    Path work;

    private String run(List<String> args, java.util.Map<String, String> env) throws Exception {
        return run(args, env, new File("."));
    }

    private String run(List<String> args, java.util.Map<String, String> env, File directory) throws Exception {
        Process process = start(args, env, directory);
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            // a jar that hangs must not outlive the test (it would hold the management port for the next run)
            process.destroyForcibly();
        }
        assertThat(ended).as("jar exits when idle").isTrue();
        String output = Files.readString(work.resolve("app.log"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private Process start(List<String> args, java.util.Map<String, String> env) throws Exception {
        return start(args, env, new File("."));
    }

    private Process start(List<String> args, java.util.Map<String, String> env, File directory) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dcamel.main.duration-max-idle-seconds=3");
        // another run may hold the default port; a port in use stops the start (StartupCheck)
        command.add("-Daep.management.port=0");
        command.addAll(args);
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        Path log = work.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AEP_") || name.startsWith("CAMEL_MAIN_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    @Test
    void theDemoProfileProcessesTheDemoBatchesOnTheEmbeddedSimulator() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.copy(Path.of("demo", "demo-batches.txt"), inbox.resolve("demo-batches.txt"));
        Path out = work.resolve("out");

        String output = run(List.of("-Dcamel.main.profile=demo", "-Daep.inbox.dir=" + inbox, "-Daep.output.dir=" + out),
                java.util.Map.of());

        for (String id : demoIds()) {
            JsonNode report = JSON.readTree(out.resolve("reports").resolve(id + ".json").toFile());
            assertThat(report.path("status").asText()).as(id).isEqualTo("completed");
        }
        assertThat(dev.aep.failedbatches.testsupport.DoneFiles.find(inbox.resolve(".done"), "demo-batches.txt") != null).isTrue();
        assertThat(output).contains("embedded AEP simulator");
        // Camel's start-up and shutdown listings are cut: the run reads as its work and ends with the summary
        List<String> lines = output.lines().toList();
        assertThat(lines).as(output).hasSizeLessThanOrEqualTo(25);
        assertThat(lines.get(lines.size() - 1)).as(output).contains("Inbox file demo-batches.txt done: 7 batches completed");
    }

    @Test
    void withoutRoutesAndConfigFoldersTheJarRunsOnItsOwnCopies() throws Exception {
        Path empty = Files.createDirectories(work.resolve("elsewhere"));
        Files.createDirectories(empty.resolve("inbox"));
        Files.copy(Path.of("demo", "demo-batches.txt"), empty.resolve("inbox").resolve("demo-batches.txt"));

        String output = run(List.of("-Dcamel.main.profile=demo"), java.util.Map.of(), empty.toFile());

        assertThat(empty.resolve("routes")).doesNotExist();
        assertThat(empty.resolve("config")).doesNotExist();
        for (String id : demoIds()) {
            JsonNode report = JSON.readTree(empty.resolve("out/reports").resolve(id + ".json").toFile());
            assertThat(report.path("status").asText()).as(output).isEqualTo("completed");
        }
        assertThat(output).doesNotContain("cannot start");
    }

    @Test
    void liveModeWithoutCredentialsStopsAtOnceWithOneClearLine() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.writeString(inbox.resolve("ids.txt"), "01HZSEED0MONTH00TIMESTAMP0\n");
        Path out = work.resolve("out");

        Process process = start(List.of("-Daep.auth.client-id=some-client", "-Daep.auth.org-id=ORG@AdobeOrg",
                "-Daep.inbox.dir=" + inbox, "-Daep.output.dir=" + out), java.util.Map.of());

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits at once, no hang").isTrue();
        String output = Files.readString(work.resolve("app.log"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output.lines().filter(l -> l.contains("cannot start")).toList()).as(output).singleElement()
                .satisfies(line -> assertThat(line).contains("aep.auth.client-secret", "AEP_AUTH_CLIENT_SECRET",
                        "aep.auth.access-token", "AEP_AUTH_ACCESS_TOKEN", "camel.main.profile=demo"));
        assertThat(output).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(inbox.resolve("ids.txt")).as("the inbox file is not moved").exists();
        assertThat(out.resolve("dead-letter")).doesNotExist();
    }

    @Test
    void aStartUpFailureEndsTheJvmAtOnceWithOneLineAndNoStackTrace() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.writeString(inbox.resolve("ids.txt"), "01HZSEED0MONTH00TIMESTAMP0\n");

        // the demo's simulator thread is already running when the bad value fails the start: it must not keep the JVM
        Process process = start(List.of("-Dcamel.main.profile=demo", "-Daep.parallel.files=abc",
                "-Daep.inbox.dir=" + inbox, "-Daep.output.dir=" + work.resolve("out")), java.util.Map.of());

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits at once, no hang").isTrue();
        String output = Files.readString(work.resolve("app.log"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output.lines().filter(l -> l.contains("cannot start")).toList()).as(output).hasSize(1);
        assertThat(output).as("no stack trace").doesNotContain("\tat ");
        assertThat(inbox.resolve("ids.txt")).as("the inbox file is not moved").exists();
    }

    @Test
    void systemPropertiesAndEnvironmentVariablesPointTheJarAtAnotherAep() throws Exception {
        try (AepSimulator aep = new AepSimulator(new SimulatorSettings().clientId("it-client")
                .clientSecret("it-secret-value-123").orgId("IT00000000000000000000@AdobeOrg").sandbox("it-sandbox")).start()) {
            Path inbox = Files.createDirectories(work.resolve("inbox"));
            Files.writeString(inbox.resolve("ids.txt"), "01HZSEED0MONTH00TIMESTAMP0\n");
            Path out = work.resolve("env-out");

            String output = run(List.of(
                    "-Daep.api.base-url=" + aep.baseUrl(),
                    "-Daep.ims.token-url=" + aep.tokenUrl(),
                    "-Daep.auth.client-id=it-client",
                    "-Daep.auth.org-id=IT00000000000000000000@AdobeOrg",
                    "-Daep.inbox.dir=" + inbox),
                    java.util.Map.of("AEP_OUTPUT_DIR", out.toString(),
                            "AEP_AUTH_CLIENT_SECRET", "it-secret-value-123",
                            "AEP_SANDBOX", "it-sandbox"));

            JsonNode report = JSON.readTree(out.resolve("reports/01HZSEED0MONTH00TIMESTAMP0.json").toFile());
            assertThat(report.path("errors").asLong()).isEqualTo(1);
            assertThat(aep.requests()).anyMatch(r -> "it-sandbox".equals(r.headers().get("x-sandbox-name")));
            assertThat(output).doesNotContain("embedded AEP simulator").doesNotContain("it-secret-value-123");
        }
    }

    private static List<String> demoIds() throws Exception {
        return Files.readAllLines(Path.of("demo", "demo-batches.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
