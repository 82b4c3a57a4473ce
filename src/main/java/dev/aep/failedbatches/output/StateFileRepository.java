package dev.aep.failedbatches.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/**
 * Camel's persistent idempotent repository, its file kept like every output: created with {@code aep.output.file-mode}
 * and emptied in place (Camel's own deletes and re-creates it with the process umask, readable by everyone).
 */
public class StateFileRepository extends FileIdempotentRepository {

    private String fileMode = AtomicFiles.DEFAULT_MODE;

    public void setFileMode(String fileMode) {
        this.fileMode = fileMode;
    }

    @Override
    protected void doStart() throws Exception {
        new AtomicFiles(AtomicFiles.parseMode(fileMode)).createIfAbsent(getFileStore().toPath());
        super.doStart();
    }

    @Override
    protected void clearStore() {
        try (FileChannel store = FileChannel.open(getFileStore().toPath(), StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
            store.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + getFileStore(), e);
        }
    }
}
