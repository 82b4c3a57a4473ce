package dev.aep.failedbatches.errors;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Test helpers to read fixture files under src/test/resources/errors/. */
final class Fixtures {
    private Fixtures() {
    }

    static InputStream open(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/errors/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        return in;
    }

    static byte[] bytes(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<FailedRecord> records(String name) {
        return readAll(new FailedFileReader(), open(name));
    }

    static List<FailedRecord> recordsOf(String content) {
        return readAll(new FailedFileReader(), new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    static List<FailedRecord> readAll(FailedFileReader reader, InputStream in) {
        List<FailedRecord> records = new ArrayList<>();
        Iterator<FailedRecord> it = reader.records(in);
        it.forEachRemaining(records::add);
        return records;
    }
}
