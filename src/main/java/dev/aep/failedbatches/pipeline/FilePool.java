package dev.aep.failedbatches.pipeline;

import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;

/**
 * The pool of the part-file split (executorService aepFilePool, retrieve-batch.camel.yaml). One pool serves every
 * batch in flight, so it has aep.parallel.files threads for each of the aep.parallel.batches batches: sized
 * aep.parallel.files alone, the batches running in parallel shared that many file threads, and the requests in
 * flight could never reach aep.client.max-concurrent-requests. Bound in the registry, which Camel asks before its
 * thread pool profiles; created by Camel's executor manager, which shuts it down with the context.
 */
final class FilePool {

    static final String NAME = "aepFilePool";
    /** The files of every batch in flight wait here for a thread. */
    private static final int MAX_QUEUE = 10_000;

    private FilePool() {
    }

    static int threads(int filesPerBatch, int batches) {
        return Math.multiplyExact(filesPerBatch, batches);
    }

    static void bind(CamelContext context, int filesPerBatch, int batches) {
        int threads = threads(filesPerBatch, batches);
        ExecutorService pool = context.getExecutorServiceManager().newThreadPool(FilePool.class, NAME,
                new ThreadPoolProfileBuilder(NAME).poolSize(threads).maxPoolSize(threads).maxQueueSize(MAX_QUEUE).build());
        context.getRegistry().bind(NAME, pool);
    }
}
