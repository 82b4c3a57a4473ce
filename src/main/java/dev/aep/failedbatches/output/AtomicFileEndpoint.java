package dev.aep.failedbatches.output;

import java.nio.file.Path;
import java.util.function.Function;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** An {@code aep-output:<folder>} endpoint: producer only (see {@link AtomicFileComponent}). */
public final class AtomicFileEndpoint extends DefaultEndpoint {

    private final String folder;
    private final AtomicFiles files;
    private final Function<String, Path> roots;
    private boolean remove;

    AtomicFileEndpoint(String uri, AtomicFileComponent component, String folder, AtomicFiles files,
            Function<String, Path> roots) {
        super(uri, component);
        this.folder = folder;
        this.files = files;
        this.roots = roots;
    }

    /** {@code remove=true}: the file is deleted instead of written (a later success voids a dead letter). */
    public void setRemove(boolean remove) {
        this.remove = remove;
    }

    public boolean isRemove() {
        return remove;
    }

    @Override
    public Producer createProducer() {
        return new AtomicFileProducer(this, folder, files, roots, remove);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("aep-output is a producer only: it writes outputs");
    }
}
