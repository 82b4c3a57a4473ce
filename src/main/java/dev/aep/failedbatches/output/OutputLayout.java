package dev.aep.failedbatches.output;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where the contract's outputs live under one output root, and which names may become path segments: only a
 * validated batch ID, a category name or a safe file name ever does.
 */
public record OutputLayout(Path root) {

    private static final Pattern CATEGORY = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    private static final Pattern SAFE_NAME = Pattern.compile("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}$");

    public OutputLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** {@code errors/<category>/}: the category files of every batch. */
    public Path errorsDir() {
        return root.resolve("errors");
    }

    /** {@code errors/<category>/<batchId>.jsonl}; the batch ID is validated by {@link BatchRun}'s creator. */
    public Path categoryFile(String category, String batchId) {
        return errorsDir().resolve(requireCategory(category)).resolve(batchId + ".jsonl");
    }

    /**
     * A folder under the root, such as {@code reports} or {@code dead-letter/sinks}: safe segments only; {@code .}
     * alone is the root itself ({@code aep-output:.} writes {@code index.html} at the root).
     */
    public Path folder(String folder) {
        if (".".equals(folder)) {
            return root;
        }
        Path dir = root;
        for (String segment : String.valueOf(folder).split("/", -1)) {
            dir = dir.resolve(requireFileName(segment));
        }
        return dir;
    }

    public static String requireCategory(String category) {
        if (category == null || !CATEGORY.matcher(category).matches()) {
            throw new IllegalArgumentException("invalid category name: " + category);
        }
        return category;
    }

    /** One path segment: letters, digits, {@code . _ -}; no leading dot (hidden and temporary names), no {@code ..}. */
    public static String requireFileName(String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("invalid output file or folder name: " + name);
        }
        return name;
    }

    /** {@code text} made into a safe file-name prefix: other characters and a leading dot become {@code _}. */
    public static String sanitize(String text) {
        String safe = String.valueOf(text).replaceAll("[^A-Za-z0-9._-]", "_").replace("..", "__");
        return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
    }
}
