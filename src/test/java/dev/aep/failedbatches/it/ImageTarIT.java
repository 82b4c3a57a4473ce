package dev.aep.failedbatches.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container image, read from the tar that {@code mvn verify} builds before the integration tests
 * (target/jib-image-check.tar): what a deployment relies on (README "Deploying"). It is built on the empty base, since
 * CI reaches no image registry; Jib adds the same layers and settings on the JRE base of {@code -Pimage}.
 */
class ImageTarIT {

    private static ImageTar image;

    @BeforeAll
    static void readImage() throws IOException {
        String tar = System.getProperty("aep.image.tar");
        assumeTrue(tar != null, "run by failsafe, which names the tar");
        image = ImageTar.read(Path.of(tar));
    }

    @Test
    void theEntrypointRunsTheApplicationOnTheImagesClasspath() {
        List<String> entrypoint = strings(image.config().get("Entrypoint"));
        assertThat(entrypoint).first().isEqualTo("java");
        String mainClass = entrypoint.get(entrypoint.size() - 1);
        assertThat(image.file("/app/classes/" + mainClass.replace('.', '/') + ".class"))
                .as("main class %s in the image", mainClass).isNotNull();
        String argFile = entrypoint.get(entrypoint.indexOf("-cp") + 1);
        assertThat(argFile).startsWith("@");
        ImageTar.Entry classpath = image.file(argFile.substring(1));
        assertThat(classpath).as("classpath file %s", argFile).isNotNull();
        for (String element : new String(classpath.content(), StandardCharsets.UTF_8).strip().split(":")) {
            assertThat(image.file(element)).as("classpath element %s in the image", element).isNotNull();
        }
    }

    @Test
    void itRunsAsANonRootUserFromTheFolderHoldingRoutesAndConfig() {
        assertThat(uid()).isNotEqualTo(0);
        assertThat(image.config().get("WorkingDir").asText()).isEqualTo("/app");
    }

    @Test
    void theShippedRoutesAndConfigAreFoldersOfTheImage() throws IOException {
        for (String folder : List.of("routes", "config")) {
            assertThat(image.file("/app/" + folder)).as("/app/%s", folder).isNotNull()
                    .extracting(ImageTar.Entry::directory).as("/app/%s is a folder", folder).isEqualTo(true);
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String inImage = "/app/" + folder + "/" + file.getFileName();
                    assertThat(image.file(inImage)).as(inImage).isNotNull();
                    assertThat(image.file(inImage).content()).as(inImage).isEqualTo(Files.readAllBytes(file));
                }
            }
        }
    }

    @Test
    void outputsAndInboxAreVolumesTheUserCanWrite() {
        assertThat(fieldNames(image.config().get("Volumes"))).contains("/data/out", "/data/inbox");
        assertThat(strings(image.config().get("Env"))).contains("AEP_OUTPUT_DIR=/data/out", "AEP_INBOX_DIR=/data/inbox");
        for (String folder : List.of("/data/out", "/data/inbox")) {
            // a new named volume starts as a copy of the image's folder: its owner and mode decide who may write
            ImageTar.Entry entry = image.file(folder);
            assertThat(entry).as(folder).isNotNull();
            assertThat(writableByUser(entry)).as("%s writable by user %s", folder, user()).isTrue();
        }
    }

    @Test
    void theManagementPortIsExposedOnEveryInterfaceForProbes() throws IOException {
        Properties shipped = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("config/application.properties"))) {
            shipped.load(in);
        }
        assertThat(fieldNames(image.config().get("ExposedPorts")))
                .contains(shipped.getProperty("aep.management.port") + "/tcp");
        assertThat(strings(image.config().get("Env"))).contains("AEP_MANAGEMENT_HOST=0.0.0.0");
    }

    private static boolean writableByUser(ImageTar.Entry entry) {
        return entry.uid() == uid() && (entry.mode() & 0200) != 0
                || entry.gid() == gid() && (entry.mode() & 0020) != 0
                || (entry.mode() & 0002) != 0;
    }

    private static String user() {
        JsonNode user = image.config().get("User");
        return user == null ? "" : user.asText();
    }

    /** Numeric only: a name would need an /etc/passwd in the image to mean anything (and "" is root). */
    private static long uid() {
        assertThat(user()).as("User is uid:gid").matches("\\d+:\\d+");
        return Long.parseLong(user().split(":")[0]);
    }

    private static long gid() {
        uid();
        return Long.parseLong(user().split(":")[1]);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        if (object != null) {
            object.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
