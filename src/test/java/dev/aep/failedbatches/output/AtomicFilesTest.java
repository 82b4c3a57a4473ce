package dev.aep.failedbatches.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private final AtomicFiles files = new AtomicFiles(AtomicFiles.parseMode("rw-r-----"));

    @Test
    void aTemporaryFileIsNewHiddenRandomAndHasTheOutputModeFromTheStart() throws Exception {
        Path first = files.createTemporary(dir, "01B.json");
        Path second = files.createTemporary(dir, "01B.json");

        assertThat(first).isNotEqualTo(second);
        assertThat(first.getFileName().toString()).startsWith(".01B.json.").endsWith(".tmp");
        assertThat(AtomicFiles.isTemporaryName(first.getFileName().toString())).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rw-r-----");
    }

    @Test
    void aLinkAtTheFinalNameIsReplacedNotFollowed() throws Exception {
        Path victim = Files.writeString(Files.createTempDirectory("victim").resolve("victim.txt"), "precious");
        Path target = Files.createSymbolicLink(dir.resolve("01B.json"), victim);

        files.write(target, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(target)).isFalse();
        assertThat(Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("{}");
    }

    @Test
    void aModeThatIsNotAPermissionStringOrLocksTheOwnerOutIsRefusedNamingTheProperty() {
        for (String bad : new String[] {"rw-r--r-x-", "640", "", "r--r-----", "-w-------"}) {
            assertThatThrownBy(() -> AtomicFiles.parseMode(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aep.output.file-mode");
        }
        assertThat(AtomicFiles.parseMode("rw-------")).hasSize(2);
    }
}
