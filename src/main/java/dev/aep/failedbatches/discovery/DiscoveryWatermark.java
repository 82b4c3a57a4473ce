package dev.aep.failedbatches.discovery;

import dev.aep.failedbatches.output.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The {@code created} time (epoch ms) up to which every discovered batch was handed over, in one small file that is
 * replaced atomically: a crash leaves the old value or the new one, never half of one.
 */
final class DiscoveryWatermark {

    private final Path file;
    private final AtomicFiles files;

    DiscoveryWatermark(Path file, AtomicFiles files) {
        this.file = file;
        this.files = files;
    }

    OptionalLong read() throws IOException {
        if (!Files.exists(file)) {
            return OptionalLong.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IOException("the discovery watermark " + file + " is not an epoch-millisecond number", e);
        }
    }

    void write(long created) throws IOException {
        files.write(file, out -> out.write(Long.toString(created).getBytes(StandardCharsets.UTF_8)));
    }
}
