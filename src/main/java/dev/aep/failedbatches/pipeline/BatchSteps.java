package dev.aep.failedbatches.pipeline;

import dev.aep.failedbatches.auth.ImsTokenException;
import dev.aep.failedbatches.client.FailedFile;
import dev.aep.failedbatches.client.HttpFailures;
import dev.aep.failedbatches.errors.Causes;
import dev.aep.failedbatches.errors.ErrorEvent;
import dev.aep.failedbatches.errors.ErrorEventFactory;
import dev.aep.failedbatches.errors.FailedRecord;
import dev.aep.failedbatches.model.InvalidBatchIdException;
import dev.aep.failedbatches.output.BatchReport;
import dev.aep.failedbatches.output.BatchRun;
import dev.aep.failedbatches.output.CategoryFiles;
import dev.aep.failedbatches.output.DeadLetter;
import dev.aep.failedbatches.output.OutputRoots;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a batch retrieval that the YAML routes call as bean {@code aepBatches}. The run (exchange property
 * {@code aepBatch}) owns the state of a retrieval; the routes write the report and the dead letter these steps return.
 */
public final class BatchSteps {

    public static final String BATCH_ID = "aepBatchId";
    public static final String RUN = "aepBatch";
    public static final String FILE = "aepFile";

    private static final Logger LOG = LoggerFactory.getLogger("dev.aep.failedbatches.progress");

    public static final String OUTPUT_DIR = "aepOutputDir";

    private final OutputRoots roots;
    private final CategoryFiles categoryFiles;
    private final List<String> categories;
    private final ErrorEventFactory events;
    private final Clock clock;
    private final BatchRun.ProgressEvery progressEvery;

    /** @param categories every category of the rules, in rule order */
    public BatchSteps(OutputRoots roots, CategoryFiles categoryFiles, List<String> categories, ErrorEventFactory events,
            Clock clock, BatchRun.ProgressEvery progressEvery) {
        this.roots = roots;
        this.categoryFiles = categoryFiles;
        this.categories = List.copyOf(categories);
        this.events = events;
        this.clock = clock;
        this.progressEvery = progressEvery;
    }

    /** Starts the run of the batch in property {@code aepBatchId} (validated) under the exchange's output root. */
    public void begin(Exchange exchange) {
        String batchId = exchange.getProperty(BATCH_ID, String.class);
        Path root = roots.resolve(exchange.getProperty(OUTPUT_DIR, String.class));
        exchange.setProperty(RUN, new BatchRun(batchId, root, clock.instant(), categories));
    }

    /** Fixes the order of the batch's part files (the listing's) before they are processed, maybe in parallel. */
    public void registerFiles(List<FailedFile> files, Exchange exchange) {
        run(exchange).registerFiles(files.stream().map(FailedFile::name).toList());
    }

    /*
     * folder, downloadQuery and completedLine are asked of this bean, not of the file or run objects in OGNL
     * (${body.folder()}): Camel introspects the class of every new object an OGNL call is made on.
     */
    public String folder(FailedFile file) {
        return file.folder();
    }

    public String downloadQuery(FailedFile file) {
        return file.downloadQuery();
    }

    /** "files=4 errors=400 (malformed-xdm=400)" of the batch of the exchange, for its completed line. */
    public String completedLine(Exchange exchange) {
        BatchRun run = run(exchange);
        return "files=" + run.fileCount() + " errors=" + run.total() + " (" + run.countsSummary() + ")";
    }

    public void fileStarted(Exchange exchange) {
        FailedFile file = exchange.getIn().getBody(FailedFile.class);
        exchange.setProperty(FILE, file.name());
        run(exchange).file(file.name());
    }

    /** Before a part file is read again after a failure mid-download: forget what its first attempt produced. */
    public void resetFile(Exchange exchange) throws IOException {
        String file = exchange.getProperty(FILE, String.class);
        BatchRun run = exchange.getProperty(RUN, BatchRun.class);
        if (file != null && run != null) {
            run.file(file).reset();
        }
    }

    /** A part file ended: one progress line every aep.progress.every-files files or every-seconds, whichever first. */
    public void fileFinished(Exchange exchange) {
        BatchRun run = run(exchange);
        run.fileFinished(progressEvery, clock.instant()).ifPresent(progress -> LOG.info(
                "Batch {} progress: {}/{} files, {} errors so far, {} files/s", run.batchId(), progress.filesDone(),
                progress.fileCount(), progress.errors(), String.format(Locale.ROOT, "%.1f", progress.filesPerSecond())));
    }

    /** The classified events of a chunk of records of the current part file; they are counted here. */
    public List<ErrorEvent> toEvents(List<FailedRecord> records, Exchange exchange) {
        BatchRun run = run(exchange);
        String file = exchange.getProperty(FILE, String.class);
        String retrievedAt = run.startedAt().toString();
        List<ErrorEvent> all = new java.util.ArrayList<>();
        for (FailedRecord record : records) {
            List<ErrorEvent> list = events.toEvents(record, run.batchId(), file, retrievedAt);
            run.count(file, list);
            all.addAll(list);
        }
        return all;
    }

    /** Appends a chunk's events to the current part file's temporary segments (not visible until the commit). */
    public void appendToSegments(List<ErrorEvent> list, Exchange exchange) throws IOException {
        categoryFiles.append(run(exchange), exchange.getProperty(FILE, String.class), list);
    }

    /**
     * Commits the category files of the run (joined in listing order, renamed into place, stale ones removed) and
     * returns the batch's report, for the route to write once the category files are final.
     */
    public BatchReport commitCategoryFiles(Exchange exchange) throws IOException {
        BatchRun run = run(exchange);
        categoryFiles.commit(run);
        return BatchReport.of(run, clock.instant());
    }

    /**
     * Abandons the run, if any (its temporary segments are removed), and returns the batch's dead letter, from the
     * exception that ended it; the reason is what an operator needs to act.
     */
    /** An outage ended the run: its temporary segments are removed, no dead letter is written (the batch is redone). */
    public void putBack(Exchange exchange) {
        BatchRun run = exchange.getProperty(RUN, BatchRun.class);
        if (run != null) {
            categoryFiles.abandon(run);
        }
    }

    public DeadLetter abandonRun(Exchange exchange) {
        BatchRun run = exchange.getProperty(RUN, BatchRun.class);
        if (run != null) {
            categoryFiles.abandon(run);
        }
        Throwable failure = cause(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        int status = HttpFailures.status(failure);
        return DeadLetter.of(exchange.getProperty(BATCH_ID, String.class), reason(failure, status), status, clock.instant());
    }

    /** The failure that explains the batch's end, beneath the wrappers of split and multicast. */
    static Throwable cause(Throwable failure) {
        return Causes.find(failure, HttpOperationFailedException.class, ImsTokenException.class,
                        CallNotPermittedException.class, InvalidBatchIdException.class, IOException.class)
                .orElseGet(() -> Causes.root(failure));
    }

    static String reason(Throwable failure, int status) {
        if (failure instanceof InvalidBatchIdException) {
            return failure.getMessage();
        }
        if (failure instanceof HttpOperationFailedException http) {
            String what = switch (status) {
                case 404 -> "unknown batch or file: the Data Access API answered 404";
                case 401 -> "unauthorized: the gateway rejected the access token even after a refresh (401)";
                case 403 -> "forbidden: the gateway refused the request (403)";
                case 400 -> "bad request (400)";
                default -> status == 429 || status >= 500
                        ? "retries exhausted: the Data Access API kept answering " + status
                        : "the Data Access API answered " + status;
            };
            String body = http.getResponseBody();
            String detail = body == null || body.isBlank() ? "" : " - " + (body.length() > 300 ? body.substring(0, 300) + "..." : body.strip());
            return what + " for GET " + pathOf(http.getUri()) + detail;
        }
        if (failure instanceof CallNotPermittedException) {
            return "circuit breaker open: AEP calls are suspended after repeated failures (aep.circuit.*);"
                    + " drop the batch ID again later";
        }
        if (failure instanceof ImsTokenException ims) {
            return (ims.isRetryable() ? "retries exhausted: " : "") + ims.getMessage();
        }
        if (failure instanceof IOException) {
            return "retries exhausted: " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
        }
        return failure == null ? "unknown failure" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static String pathOf(String uri) {
        if (uri != null && uri.startsWith("/")) {
            return uri;
        }
        int scheme = uri == null ? -1 : uri.indexOf("://");
        int path = scheme < 0 ? -1 : uri.indexOf('/', scheme + 3);
        return path < 0 ? String.valueOf(uri) : uri.substring(path);
    }

    private static BatchRun run(Exchange exchange) {
        BatchRun run = exchange.getProperty(RUN, BatchRun.class);
        if (run == null) {
            throw new IllegalStateException("no batch run on the exchange: call direct:aep-retrieve-batch");
        }
        return run;
    }
}
