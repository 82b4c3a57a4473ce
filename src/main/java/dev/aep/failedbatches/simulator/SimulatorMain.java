package dev.aep.failedbatches.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the AEP simulator as a standalone process on generated data, for benchmarks ({@code bench/run.sh}) and
 * manual tries:
 *
 * <pre>
 * java -cp target/aep-failed-batches-runnable.jar dev.aep.failedbatches.simulator.SimulatorMain \
 *      --port 0 --batches 300 --files 4 --records 100 --latency-ms 0 --big-file-mb 1024 --ids-out /tmp/ids.txt
 * </pre>
 *
 * Options: {@code --port P} (0 = free), {@code --admin-port A} (0 = free), {@code --batches N}, {@code --files M},
 * {@code --records K} (records per file, one error each), {@code --latency-ms L} (every {@code /data} request),
 * {@code --big-file-mb S} (one extra batch {@link GeneratedBatches#BIG_BATCH_ID} with one file of S MiB, 0 = none),
 * {@code --ids-out FILE} (writes the regular batch ids, one a line), {@code --demo-data} (also serve the demo
 * batches), {@code --token-ttl-seconds T} (expires_in of its IMS tokens), {@code --client-id},
 * {@code --client-secret}, {@code --org-id}, {@code --sandbox} (simulator credentials; defaults
 * {@code demo-client} / {@code demo-secret} / {@code DEMO0000000000000000000@AdobeOrg} / {@code prod}).
 *
 * <p>When ready it prints one line {@code SIMULATOR_READY base-url=... token-url=... admin-url=...}. The admin server
 * (127.0.0.1 only) answers {@code GET /info} (generation parameters and expected totals), {@code GET /stats}
 * (requests by kind, bytes served, epoch ms of the first request since the last reset, /data requests in flight: most and average), {@code POST /reset},
 * {@code POST /latency?ms=L} and {@code POST /shutdown}. It runs until shut down or killed.
 */
public final class SimulatorMain {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AepSimulator simulator;
    private final GeneratedBatches generated;
    private final Map<String, Object> options;
    private final AtomicLong firstRequestAtMs = new AtomicLong(0);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Thread watcher;
    private HttpServer admin;

    private SimulatorMain(AepSimulator simulator, GeneratedBatches generated, Map<String, Object> options) {
        this.simulator = simulator;
        this.generated = generated;
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        SimulatorSettings settings = new SimulatorSettings()
                .port(Integer.parseInt(opts.getOrDefault("port", "0")))
                .loadDemoData(opts.containsKey("demo-data"));
        if (opts.containsKey("client-id")) {
            settings.clientId(opts.get("client-id"));
        }
        if (opts.containsKey("client-secret")) {
            settings.clientSecret(opts.get("client-secret"));
        }
        if (opts.containsKey("org-id")) {
            settings.orgId(opts.get("org-id"));
        }
        if (opts.containsKey("token-ttl-seconds")) {
            settings.tokenTtlSeconds(Long.parseLong(opts.get("token-ttl-seconds")));
        }
        if (opts.containsKey("sandbox")) {
            settings.sandbox(opts.get("sandbox"));
        }
        int batches = Integer.parseInt(opts.getOrDefault("batches", "10"));
        int files = Integer.parseInt(opts.getOrDefault("files", "2"));
        int records = Integer.parseInt(opts.getOrDefault("records", "100"));
        long bigMb = Long.parseLong(opts.getOrDefault("big-file-mb", "0"));
        GeneratedBatches generated = new GeneratedBatches(batches, files, records, bigMb * 1024 * 1024);

        AepSimulator simulator = new AepSimulator(settings);
        generated.addTo(simulator);
        simulator.faults().delayMillis(Long.parseLong(opts.getOrDefault("latency-ms", "0")));
        simulator.start();
        if (opts.containsKey("ids-out")) {
            Files.write(Path.of(opts.get("ids-out")), generated.batchIds(), StandardCharsets.UTF_8);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("batches", batches);
        info.put("filesPerBatch", files);
        info.put("recordsPerFile", records);
        info.put("eventsPerRecord", 1);
        SimulatorMain main = new SimulatorMain(simulator, generated, info);
        main.startAdmin(Integer.parseInt(opts.getOrDefault("admin-port", "0")));
        Runtime.getRuntime().addShutdownHook(new Thread(main::stop, "simulator-shutdown"));
        System.out.println("SIMULATOR_READY base-url=" + simulator.baseUrl() + " token-url=" + simulator.tokenUrl()
                + " admin-url=http://127.0.0.1:" + main.admin.getAddress().getPort()
                + " batches=" + batches + " big-batch=" + (generated.bigBatchId() == null ? "-" : generated.bigBatchId()));
        System.out.flush();
        main.stopped.await();
    }

    private void startAdmin(int port) throws IOException {
        admin = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        admin.createContext("/info", exchange -> reply(exchange, 200, info()));
        admin.createContext("/stats", exchange -> reply(exchange, 200, stats()));
        admin.createContext("/reset", exchange -> {
            reset();
            reply(exchange, 200, Map.of("reset", true));
        });
        admin.createContext("/latency", exchange -> {
            Map<String, String> query = HttpExchanges.decodeParams(exchange.getRequestURI().getRawQuery());
            long ms = Long.parseLong(query.getOrDefault("ms", "0"));
            simulator.faults().delayMillis(ms);
            reply(exchange, 200, Map.of("latencyMs", ms));
        });
        admin.createContext("/shutdown", exchange -> {
            reply(exchange, 200, Map.of("shutdown", true));
            new Thread(this::stop, "simulator-stop").start();
        });
        admin.start();
        reset();
    }

    private synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        if (admin != null) {
            admin.stop(0);
        }
        simulator.close();
        stopped.countDown();
    }

    /**
     * Forgets recorded requests and counters, and watches (1 ms polling of an empty list, so no cost to the run)
     * for the first request that follows, to time a run from its first call to the simulator.
     */
    private synchronized void reset() {
        Thread old = watcher;
        if (old != null) {
            old.interrupt();
        }
        simulator.clearRequests();
        simulator.dataRequestsInFlight().resetMax();
        generated.resetBytesServed();
        firstRequestAtMs.set(0);
        Thread thread = new Thread(() -> {
            try {
                while (simulator.requests().isEmpty()) {
                    Thread.sleep(1);
                }
                firstRequestAtMs.compareAndSet(0, System.currentTimeMillis());
            } catch (InterruptedException stop) {
                // reset again or shutting down
            }
        }, "simulator-first-request");
        thread.setDaemon(true);
        watcher = thread;
        thread.start();
    }

    private Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>(options);
        info.put("batchIdPrefix", GeneratedBatches.BATCH_ID_PREFIX);
        info.put("events", generated.totalRecords());
        info.put("bytes", generated.totalBytes());
        info.put("bigBatchId", generated.bigBatchId());
        info.put("bigFileBytes", generated.bigFileBytes());
        info.put("bigFileEvents", generated.bigFileRecords());
        info.put("latencyMs", simulator.faults().delay());
        return info;
    }

    private Map<String, Object> stats() {
        List<RecordedRequest> requests = simulator.requests();
        long tokens = 0;
        long listings = 0;
        long downloads = 0;
        long failed = 0;
        for (RecordedRequest r : requests) {
            if (r.path().equals(ImsTokenHandler.PATH)) {
                tokens++;
            } else if (r.rawQuery() != null && HttpExchanges.decodeParams(r.rawQuery()).containsKey("path")) {
                downloads++;
            } else {
                listings++;
            }
            if (r.status() >= 300) {
                failed++;
            }
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("requests", requests.size());
        stats.put("tokenRequests", tokens);
        stats.put("listings", listings);
        stats.put("downloads", downloads);
        stats.put("dataRequests", listings + downloads);
        stats.put("non2xx", failed);
        stats.put("bytesServed", generated.bytesServed());
        stats.put("firstRequestAtMs", firstRequestAtMs.get());
        stats.put("latencyMs", simulator.faults().delay());
        // /data requests served at once: the most, and the time-weighted average while any was (counts, not timings)
        InFlightGauge inFlight = simulator.dataRequestsInFlight();
        stats.put("dataInFlightMax", inFlight.max());
        stats.put("dataInFlightAvg", Math.round(inFlight.averageWhileBusy() * 100) / 100.0);
        return stats;
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                opts.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (name.equals("demo-data")) {
                opts.put(name, "true");
            } else if (i + 1 < args.length) {
                opts.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + arg);
            }
        }
        return opts;
    }
}
