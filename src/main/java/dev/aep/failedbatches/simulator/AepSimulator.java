package dev.aep.failedbatches.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded stand-in for Adobe IMS and the Experience Platform gateway (Data Access failed-batch routes), bound
 * to 127.0.0.1 only. It never logs tokens, secrets or headers.
 */
public final class AepSimulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AepSimulator.class.getName());

    static {
        // The JDK server sends headers and body in separate writes; with Nagle on, each response then waits ~40 ms
        // for the client's delayed ACK. The JDK reads this property once, when its first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimulatorSettings settings;
    private final SimulatorFaults faults;
    private final TokenStore tokens;
    private final BatchStore batches = new BatchStore();
    private final List<String> demoBatchIds;
    private final GatewayChecks gateway;
    private final ImsTokenHandler ims;
    private final DataAccessHandler dataAccess;
    private final CatalogHandler catalog;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final InFlightGauge dataInFlight = new InFlightGauge();

    private HttpServer server;
    private ExecutorService executor;
    private volatile String baseUrl;

    public AepSimulator(SimulatorSettings settings) {
        this(settings, new SimulatorFaults());
    }

    /** With fault switches of the caller's making, e.g. a throttle on a clock that a test moves. */
    AepSimulator(SimulatorSettings settings, SimulatorFaults faults) {
        this.settings = settings;
        this.faults = faults;
        this.tokens = new TokenStore(settings);
        this.gateway = new GatewayChecks(settings, tokens);
        this.ims = new ImsTokenHandler(settings, tokens, faults);
        this.dataAccess = new DataAccessHandler(settings, batches, faults, this::baseUrl);
        this.catalog = new CatalogHandler(settings);
        if (settings.loadDemoData()) {
            Map<String, DemoBatches.DemoBatch> demo = DemoBatches.load();
            demo.forEach(this::addDemoBatch);
            this.demoBatchIds = List.copyOf(demo.keySet());
        } else {
            this.demoBatchIds = List.of();
        }
    }

    /**
     * A demo batch with error-diagnostics files is a successful batch created with diagnostics that lost some rows
     * (partial ingestion), as current AEP shows one: no failed files, its row errors under {@code meta?path=row_errors}.
     */
    private void addDemoBatch(String batchId, DemoBatches.DemoBatch batch) {
        addBatch(batchId, batch.failedFiles());
        if (batch.rowErrors().isEmpty()) {
            return;
        }
        long created = System.currentTimeMillis();
        long rows = batch.rowErrors().values().stream().mapToLong(AepSimulator::lines).sum();
        addCatalogBatch(new CatalogBatch(batchId, "success", created, created + 60_000, CatalogBatch.DEFAULT_DATASET,
                500 + rows, rows, List.of(new CatalogBatch.CatalogError("INGEST-1212-400",
                        "Encountered " + rows + " errors in the data. Successfully ingested 500 rows.", null)))
                .withErrorDiagnostics());
        addRowErrors(batchId, batch.rowErrors());
    }

    private static long lines(byte[] ndjson) {
        return new String(ndjson, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
    }

    /** Binds 127.0.0.1 on the configured port (0 = a free one). Calling it again while running does nothing. */
    public synchronized AepSimulator start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), settings.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the AEP simulator to 127.0.0.1:" + settings.port(), e);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "aep-simulator-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        LOG.log(System.Logger.Level.DEBUG, () -> "AEP simulator listening on " + baseUrl);
        return this;
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        server = null;
        executor = null;
    }

    /** The gateway root, e.g. {@code http://127.0.0.1:41234}; Data Access lives under /data/foundation/export. */
    public String baseUrl() {
        String url = baseUrl;
        if (url == null) {
            throw new IllegalStateException("the AEP simulator is not started");
        }
        return url;
    }

    public String tokenUrl() {
        return baseUrl() + ImsTokenHandler.PATH;
    }

    /**
     * Adds or replaces a failed batch. Files are listed in map order, after a zero-length {@code _SUCCESS} marker
     * (present whenever the batch has files); an empty map makes a batch without failed files.
     */
    public void addBatch(String batchId, Map<String, byte[]> files) {
        batches.put(batchId, files);
        catalog.putIfAbsent(CatalogBatch.failed(batchId, System.currentTimeMillis()));
    }

    /**
     * Adds or replaces the Catalog object of a batch (found by {@code GET /data/foundation/catalog/batches}); a batch
     * not known to Data Access yet gets an empty failed-file listing. May be called while the simulator serves.
     */
    public void addCatalogBatch(CatalogBatch batch) {
        if (batches.files(batch.id()).isEmpty()) {
            batches.put(batch.id(), Map.of());
        }
        catalog.put(batch);
    }

    /**
     * Adds or replaces the error-diagnostics files of a batch, listed by {@code GET .../batches/{id}/meta?path=row_errors}
     * and downloaded with {@code path=row_errors/<name>} (hrefs carry {@code %2F}).
     */
    public void addRowErrors(String batchId, Map<String, byte[]> files) {
        batches.putRowErrors(batchId, files);
    }

    /** The batch's diagnostics expire (AEP keeps them 30 days): its {@code meta} requests answer 404 from now on. */
    public void expireRowErrors(String batchId) {
        batches.expireRowErrors(batchId);
    }

    /** Catalog list requests with {@code start >= start} wait until {@link #releaseCatalogListings()}. */
    public void holdCatalogListingsFrom(int start) {
        catalog.holdListingsFrom(start);
    }

    public void releaseCatalogListings() {
        catalog.release();
    }

    /** Catalog list requests waiting on {@link #holdCatalogListingsFrom}. */
    public int heldCatalogListings() {
        return catalog.heldListings();
    }

    /**
     * Adds or replaces a batch whose files are generated on demand and streamed, never held in memory (see
     * {@link GeneratedBatches#addTo}). Listed like {@link #addBatch}.
     */
    void addGeneratedBatch(String batchId, Map<String, BatchStore.GeneratedContent> files) {
        batches.putGenerated(batchId, files);
        catalog.putIfAbsent(CatalogBatch.failed(batchId, System.currentTimeMillis()));
    }

    public List<String> demoBatchIds() {
        return demoBatchIds;
    }

    /** Who the simulator accepts: client, org and sandbox, as a client must be configured to reach it. */
    public SimulatorSettings settings() {
        return settings;
    }

    public SimulatorFaults faults() {
        return faults;
    }

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
    }

    /** The {@code /data} requests (listings and downloads) being served: what a client's concurrency limit bounds. */
    public InFlightGauge dataRequestsInFlight() {
        return dataInFlight;
    }

    /** Invalidates every token issued so far; static tokens stay valid. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    public int tokensIssued() {
        return tokens.issuedCount();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = HttpExchanges.lowerCaseHeaders(exchange);
        SimulatorResponse response;
        try {
            response = route(exchange, headers);
        } catch (IllegalArgumentException malformedQuery) {
            response = SimulatorResponse.error(400, "400", "Malformed query string");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "AEP simulator failed on " + exchange.getRequestURI().getRawPath(), e);
            response = SimulatorResponse.error(500, "500", "Internal simulator error");
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        int status = response.status();
        // Record before writing, so a client that has its response can already see the request.
        synchronized (requests) {
            requests.add(new RecordedRequest(method, path, exchange.getRequestURI().getRawQuery(), headers, status));
        }
        LOG.log(System.Logger.Level.DEBUG, () -> method + " " + path + " -> " + status);
        HttpExchanges.send(exchange, response);
    }

    private SimulatorResponse route(HttpExchange exchange, Map<String, String> headers) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.equals(ImsTokenHandler.PATH)) {
            return ims.handle(exchange);
        }
        if (path.equals("/data") || path.startsWith("/data/")) {
            // counted until the answer is ready, before it is written: a client holding its response is no longer
            // counted, so a client that waits for one answer before its next request is never counted twice
            dataInFlight.enter();
            try {
                return data(exchange, path, headers);
            } finally {
                dataInFlight.leave();
            }
        }
        return SimulatorResponse.error(404, "404", "Not found");
    }

    /** Gateway checks, then the throttle, then the Catalog routes, or injected faults and the Data Access routes. */
    private SimulatorResponse data(HttpExchange exchange, String path, Map<String, String> headers) {
        Optional<SimulatorResponse> denied = gateway.reject(headers);
        if (denied.isPresent()) {
            return denied.get();
        }
        Optional<SimulatorFaults.Failure> throttled = faults.throttled();
        if (throttled.isPresent()) {
            return failure(throttled.get());
        }
        faults.awaitRelease();
        sleep(faults.delay());
        Map<String, String> query = HttpExchanges.decodeParams(exchange.getRequestURI().getRawQuery());
        if (CatalogHandler.handles(path)) {
            Optional<SimulatorFaults.Failure> catalogFailure = faults.nextCatalogFailure();
            return catalogFailure.isPresent() ? failure(catalogFailure.get())
                    : catalog.handle(exchange.getRequestMethod(), path, query);
        }
        Optional<SimulatorFaults.Failure> failure = faults.nextDataFailure(DataAccessHandler.isDownload(query));
        if (failure.isPresent()) {
            return failure(failure.get());
        }
        SimulatorResponse answer = dataAccess.handle(exchange.getRequestMethod(), path, query, headers.get("range"));
        return DataAccessHandler.isDownload(query) ? GzipEncoding.apply(answer, headers.get("accept-encoding"), faults)
                : answer;
    }

    private static SimulatorResponse failure(SimulatorFaults.Failure failure) {
        int status = failure.status();
        SimulatorResponse response = switch (status) {
            case 401 -> SimulatorResponse.error(401, "401013", "Oauth token is not valid");
            case 429 -> SimulatorResponse.error(429, "429050", "Too many requests");
            default -> SimulatorResponse.error(status, Integer.toString(status), "Simulated failure (HTTP " + status + ")");
        };
        return response.withHeader("Retry-After", failure.retryAfter()).withHeader("Location", failure.location());
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
