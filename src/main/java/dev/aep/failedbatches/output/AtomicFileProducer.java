package dev.aep.failedbatches.output;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.MessageHelper;

/**
 * Writes the message body (bytes, text or a stream) to {@code <root>/<folder>/<file name>} whole or not at all, with
 * the output mode from its creation and never through a link; or removes that file ({@code remove=true}). The body
 * is left as it was (a stream cache is reset; a plain stream is consumed).
 */
final class AtomicFileProducer extends DefaultProducer {

    /** The output root of a route template instance (README "Embedding"); else {@code aep.output.dir}. */
    static final String OUTPUT_DIR = "aepOutputDir";

    private final String folder;
    private final AtomicFiles files;
    private final Function<String, Path> roots;
    private final boolean remove;

    AtomicFileProducer(AtomicFileEndpoint endpoint, String folder, AtomicFiles files, Function<String, Path> roots,
            boolean remove) {
        super(endpoint);
        this.folder = folder;
        this.files = files;
        this.roots = roots;
        this.remove = remove;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String name = exchange.getIn().getHeader(Exchange.OVERRULE_FILE_NAME, String.class);
        if (name == null) {
            name = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        }
        Path root = roots.apply(exchange.getProperty(OUTPUT_DIR, String.class));
        Path target = new OutputLayout(root).folder(folder).resolve(OutputLayout.requireFileName(name));
        if (remove) {
            Files.deleteIfExists(target);
        } else {
            try (InputStream body = exchange.getIn().getMandatoryBody(InputStream.class)) {
                files.write(target, body::transferTo);
            }
            // a cached stream (what marshal gives when stream caching is on) is read again by the next step
            MessageHelper.resetStreamCache(exchange.getIn());
        }
        exchange.getIn().removeHeader(Exchange.OVERRULE_FILE_NAME);
    }
}
