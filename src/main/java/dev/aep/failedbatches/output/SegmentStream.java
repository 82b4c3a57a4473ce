package dev.aep.failedbatches.output;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JSON lines of one part file in one category while its batch runs: in memory as long as the run's memory budget
 * lasts, then in a hidden temporary file. A small batch so creates one file per category at its commit, instead of one
 * per part file and category plus the joined one: creating files is what a small batch's output cost most (and more
 * on network file systems). Used under its segment's lock.
 */
final class SegmentStream extends OutputStream {

    interface TemporaryFile {
        Path create() throws IOException;
    }

    private final AtomicLong budget;
    private final TemporaryFile temporary;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream(4096);
    private Path file;
    private OutputStream fileOut;

    /** @param budget bytes the run may still hold in memory, shared by its segments */
    SegmentStream(AtomicLong budget, TemporaryFile temporary) {
        this.budget = budget;
        this.temporary = temporary;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (fileOut == null && budget.addAndGet(-length) < 0) {
            budget.addAndGet(length);
            spill();
        }
        (fileOut != null ? fileOut : memory).write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        if (fileOut != null) {
            fileOut.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (fileOut != null) {
            fileOut.close();
        }
    }

    /** The temporary file holding the lines, or null while they are in memory. */
    Path file() {
        return file;
    }

    /** Appends the lines to {@code out} (after {@link #close()}); a temporary file is removed once copied. */
    void copyTo(FileChannel out) throws IOException {
        if (file == null) {
            memory.writeTo(Channels.newOutputStream(out));
            return;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long position = 0;
            long size = in.size();
            while (position < size) {
                position += in.transferTo(position, size - position, out);
            }
        }
        Files.delete(file);
    }

    /** Forgets the lines: the memory goes back to the budget, a temporary file is removed. */
    void discard() throws IOException {
        close();
        if (memory != null) {
            budget.addAndGet(memory.size());
            memory = new ByteArrayOutputStream(0);
        }
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    private void spill() throws IOException {
        file = temporary.create();
        fileOut = new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), 64 * 1024);
        memory.writeTo(fileOut);
        budget.addAndGet(memory.size());
        memory = null;
    }
}
