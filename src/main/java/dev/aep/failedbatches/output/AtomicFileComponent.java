package dev.aep.failedbatches.output;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * Component {@code aep-output}: the routes write the bundle's outputs with it ({@code to: aep-output:reports}).
 * Camel's {@code file:} producer cannot keep the guarantees of README "Guarantees": it opens the target or its
 * temporary name with {@code FileOutputStream}, which writes through a planted symbolic link, its temporary name is
 * predictable, and its {@code chmod} comes after the file was created. This one writes through {@link AtomicFiles}.
 *
 * <p>URI {@code aep-output:<folder under the output root>[?remove=true]} ({@code aep-output:.}: the root itself). The file name is header
 * {@code CamelOverruleFileName} (removed once used, as the file producer does) or else {@code CamelFileName}: one
 * safe segment. The root is exchange property {@code aepOutputDir} when set, else {@code aep.output.dir}.
 */
public final class AtomicFileComponent extends DefaultComponent {

    public static final String SCHEME = "aep-output";

    private final AtomicFiles files;
    private final Function<String, Path> roots;

    /** @param roots the output root of a value of {@code aepOutputDir} (null: the default root) */
    public AtomicFileComponent(AtomicFiles files, Function<String, Path> roots) {
        this.files = files;
        this.roots = roots;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        // fails the route at start-up, not at the first write
        new OutputLayout(Path.of("/")).folder(remaining);
        AtomicFileEndpoint endpoint = new AtomicFileEndpoint(uri, this, remaining, files, roots);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
