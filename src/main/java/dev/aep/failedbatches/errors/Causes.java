package dev.aep.failedbatches.errors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a cause chain: Camel wraps the failure that matters (HTTP, IMS, I/O) in split, multicast and bean exceptions.
 * Each throwable is visited once, so a chain that loops back on itself ends.
 */
public final class Causes {

    private Causes() {
    }

    /** {@code failure} and its causes, outermost first, each once; empty for {@code null}. */
    public static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** The outermost throwable in the chain that is one of {@code types}. */
    public static Optional<Throwable> find(Throwable failure, Class<?>... types) {
        for (Throwable t : chain(failure)) {
            for (Class<?> type : types) {
                if (type.isInstance(t)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    /** The innermost throwable of the chain, or {@code null} for {@code null}. */
    public static Throwable root(Throwable failure) {
        List<Throwable> chain = chain(failure);
        return chain.isEmpty() ? null : chain.get(chain.size() - 1);
    }
}
