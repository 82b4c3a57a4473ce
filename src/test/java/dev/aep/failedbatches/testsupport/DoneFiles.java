package dev.aep.failedbatches.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds an inbox file in .done/ or .failed/, where it is kept as {@code <name>-<yyyyMMdd-HHmmssSSS>.<ext>}. */
public final class DoneFiles {

    private DoneFiles() {
    }

    /** The newest copy of the inbox file {@code name} in {@code dir}, or {@code null}. */
    public static Path find(Path dir, String name) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        int dot = name.indexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot);
        Pattern stamped = Pattern.compile(Pattern.quote(base) + "-\\d{8}-\\d{9}" + Pattern.quote(ext));
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> stamped.matcher(p.getFileName().toString()).matches())
                    .max(Path::compareTo).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
