package dev.aep.failedbatches.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, started with bad configuration in the demo profile (whose simulator thread would keep a failed
 * JVM alive): one line per problem naming the property and its value, no stack trace, a non-zero exit within seconds.
 */
class BadConfigurationIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path JAR = PROJECT.resolve("target/aep-failed-batches-runnable.jar");

    @TempDir
    Path work;

    private record Run(int exitCode, String output) {
        List<String> problems() {
            return output.lines().filter(line -> line.startsWith("aep-failed-batches cannot start: ")).toList();
        }
    }

    private Run start(Path workingDirectory, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dcamel.main.profile=demo",
                "-Daep.inbox.dir=" + work.resolve("inbox"), "-Dcamel.main.duration-max-idle-seconds=30",
                // a free port unless a test says otherwise (a later -D wins): another run may hold the default one
                "-Daep.management.port=0"));
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", JAR.toString()));
        Path log = work.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AEP_") || name.startsWith("CAMEL_MAIN_"));
        Process process = builder.start();
        boolean exited = process.waitFor(30, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(exited).as("exits within seconds, no hang:\n" + output).isTrue();
        Run run = new Run(process.exitValue(), output);
        assertThat(run.exitCode()).as(output).isNotZero();
        assertThat(output).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(output).as("a failed start is no SIGTERM").doesNotContain("SIGTERM");
        return run;
    }

    @Test
    void everyBadValueIsNamedOnItsOwnLineAndNothingIsTouched() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.writeString(inbox.resolve("ids.txt"), "01HZSEED0MONTH00TIMESTAMP0\n");
        Path notAFolder = Files.writeString(work.resolve("out-is-a-file"), "x");

        Run run = start(PROJECT, "-Daep.parallel.files=abc", "-Daep.retry.max-redeliveries=five",
                "-Daep.api.base-url=ht!tp://", "-Daep.output.dir=" + notAFolder);

        assertThat(run.problems()).as(run.output()).hasSize(4)
                .anySatisfy(line -> assertThat(line).contains("aep.parallel.files=abc", "whole number"))
                .anySatisfy(line -> assertThat(line).contains("aep.retry.max-redeliveries=five", "whole number"))
                .anySatisfy(line -> assertThat(line).contains("aep.api.base-url=ht!tp://", "URL"))
                .anySatisfy(line -> assertThat(line).contains("aep.output.dir=" + notAFolder, "not a folder"));
        assertThat(run.output()).as("checked before the simulator starts").doesNotContain("embedded AEP simulator");
        assertThat(inbox.resolve("ids.txt")).as("the inbox file is not moved").exists();
    }

    @Test
    void aRoutesFolderThatIsNotThereIsNamed() throws Exception {
        // without routes/ in the working folder the jar runs on its own copies (RunnableJarIT); a folder the user
        // names must be there
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        copy(PROJECT.resolve("config"), elsewhere.resolve("config"));
        Path missing = elsewhere.resolve("my-routes");

        Run run = start(elsewhere, "-Daep.routes.dir=" + missing, "-Daep.output.dir=" + work.resolve("out"));

        assertThat(run.problems()).as(run.output()).singleElement().satisfies(line -> assertThat(line)
                .contains("aep.routes.dir=" + missing, "no such folder"));
    }

    @Test
    void anEmptyRoutesFolderDoesNotStartSilentlyDoingNothing() throws Exception {
        Path empty = Files.createDirectories(work.resolve("routes"));

        Run run = start(PROJECT, "-Daep.routes.dir=" + empty, "-Daep.output.dir=" + work.resolve("out"));

        assertThat(run.problems()).as(run.output()).singleElement()
                .satisfies(line -> assertThat(line).contains("aep.routes.dir=" + empty, "no *.camel.yaml"));
    }

    @Test
    void aSinkRoutedToWithoutItsSettingsIsNamed() throws Exception {
        Path routes = work.resolve("routes");
        copy(PROJECT.resolve("routes"), routes);
        Path mapping = routes.resolve("sinks.camel.yaml");
        Files.writeString(mapping, Files.readString(mapping).replace("expression: log\n", "expression: log,webhook\n"));

        Run run = start(PROJECT, "-Daep.routes.dir=" + routes, "-Daep.output.dir=" + work.resolve("out"),
                "-Daep.sinks.webhook.url=");

        assertThat(run.problems()).as(run.output()).singleElement()
                .satisfies(line -> assertThat(line).contains("aep.sinks.webhook.url", "webhook sink", mapping.toString()));
    }

    @Test
    void aManagementPortInUseIsNamedInsteadOfRunningWithoutHealthAndMetrics() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Run run = start(PROJECT, "-Daep.management.port=" + taken.getLocalPort(),
                    "-Daep.output.dir=" + work.resolve("out"));

            assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
            assertThat(run.problems()).as(run.output()).singleElement().satisfies(line -> assertThat(line)
                    .contains("aep.management.port=" + taken.getLocalPort() + ": already in use"));
            assertThat(run.output()).as("checked before the simulator starts").doesNotContain("embedded AEP simulator");
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
