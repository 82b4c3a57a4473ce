package dev.aep.failedbatches.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/**
 * Loads the demo failed batches shipped under {@code simulator/batches/}. {@code index.txt} lists
 * {@code <batchId>/<fileName>} per line in listing order ({@code #} starts a comment), or
 * {@code <batchId>/row_errors/<fileName>} for an error-diagnostics file; files are read through the class loader so
 * this also works from inside the fat jar.
 */
final class DemoBatches {

    static final String ROOT = "simulator/batches/";
    private static final String ROW_ERRORS = "row_errors/";

    /** One demo batch: its failed files and its error-diagnostics files (file name → content, in index order). */
    record DemoBatch(LinkedHashMap<String, byte[]> failedFiles, LinkedHashMap<String, byte[]> rowErrors) {

        DemoBatch() {
            this(new LinkedHashMap<>(), new LinkedHashMap<>());
        }
    }

    private DemoBatches() {
    }

    /** @return batch id → its files, in index order */
    static LinkedHashMap<String, DemoBatch> load() {
        ClassLoader loader = DemoBatches.class.getClassLoader();
        LinkedHashMap<String, DemoBatch> batches = new LinkedHashMap<>();
        try (InputStream index = open(loader, ROOT + "index.txt");
             BufferedReader lines = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                int slash = entry.indexOf('/');
                if (slash <= 0 || slash == entry.length() - 1) {
                    throw new IllegalStateException("bad line in " + ROOT + "index.txt: " + entry);
                }
                byte[] content;
                try (InputStream file = open(loader, ROOT + entry)) {
                    content = file.readAllBytes();
                }
                DemoBatch batch = batches.computeIfAbsent(entry.substring(0, slash), id -> new DemoBatch());
                String name = entry.substring(slash + 1);
                if (name.startsWith(ROW_ERRORS)) {
                    batch.rowErrors().put(name.substring(ROW_ERRORS.length()), content);
                } else {
                    batch.failedFiles().put(name, content);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulator demo batches", e);
        }
        return batches;
    }

    private static InputStream open(ClassLoader loader, String resource) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing simulator resource " + resource);
        }
        return in;
    }
}
