package dev.aep.failedbatches.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Whether the bundle can write into a folder, creating it if need be, without creating anything to find out. */
final class Folders {

    private Folders() {
    }

    /** Empty when {@code folder} is a writable folder, or does not exist and can be created; else why not. */
    static Optional<String> writableProblem(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            if (!Files.isDirectory(absolute)) {
                return Optional.of("is a file, not a folder");
            }
            return Files.isWritable(absolute) ? Optional.empty() : Optional.of("is not writable");
        }
        Path ancestor = absolute.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor)) {
            return Optional.of("cannot be created: " + ancestor + " is a file, not a folder");
        }
        return Files.isWritable(ancestor) ? Optional.empty()
                : Optional.of("cannot be created: " + ancestor + " is not writable");
    }
}
