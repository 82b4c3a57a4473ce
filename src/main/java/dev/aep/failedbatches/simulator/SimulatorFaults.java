package dev.aep.failedbatches.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Fault switches of the simulator. Thread-safe. Successive {@code failNext*} calls queue up, so
 * {@code failNext(1, 503, null); failNext(1, 429, "1")} answers 503, then 429, then normally.
 * {@link #reset()} clears every switch.
 */
public final class SimulatorFaults {

    /** A queued failure: the status to answer, an optional Retry-After value and an optional Location. */
    record Failure(int status, String retryAfter, String location) {
    }

    private final Deque<Failure> anyData = new ArrayDeque<>();
    private final Deque<Failure> downloads = new ArrayDeque<>();
    private final Deque<Failure> listings = new ArrayDeque<>();
    private final Deque<Failure> tokens = new ArrayDeque<>();
    private final Deque<Failure> catalogReads = new ArrayDeque<>();
    private boolean echoTokenRequests;
    private boolean tokenEndpointDown;
    private int tokenRequestsRefused;
    private int truncations;
    private boolean gzip;
    private int corruptGzips;
    private long delayMillis;
    private int throttleMax;
    private long throttleWindowMillis;
    private String throttleRetryAfter;
    private final Deque<Long> throttleWindow = new ArrayDeque<>();
    private boolean held;
    private String nextLinkBase;
    private final LongSupplier nanoClock;

    public SimulatorFaults() {
        this(System::nanoTime);
    }

    /** @param nanoClock the clock of the throttle window, in nanoseconds (like {@link System#nanoTime()}) */
    SimulatorFaults(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Fails the next {@code count} {@code /data/**} requests (after the gateway auth checks). */
    public synchronized void failNext(int count, int status, String retryAfter) {
        enqueue(anyData, count, status, retryAfter);
    }

    /** Fails the next {@code count} downloads (requests carrying {@code path=}). */
    public synchronized void failNextDownloads(int count, int status, String retryAfter) {
        enqueue(downloads, count, status, retryAfter);
    }

    /** Fails the next {@code count} listings (requests without {@code path=}). */
    public synchronized void failNextListings(int count, int status, String retryAfter) {
        enqueue(listings, count, status, retryAfter);
    }

    /** Answers the next {@code count} listings with 302 Found and {@code Location: location}. */
    public synchronized void redirectNextListings(int count, String location) {
        enqueue(listings, count, new Failure(302, null, location));
    }

    /** Answers the next {@code count} downloads with 302 Found and {@code Location: location}. */
    public synchronized void redirectNextDownloads(int count, String location) {
        enqueue(downloads, count, new Failure(302, null, location));
    }

    /** Fails the next {@code count} Catalog requests ({@code /data/foundation/catalog/**}); no other switch touches them. */
    public synchronized void failNextCatalogRequests(int count, int status) {
        enqueue(catalogReads, count, status, null);
    }

    /** Fails the next {@code count} IMS token requests. */
    public synchronized void failNextTokens(int count, int status) {
        enqueue(tokens, count, status, null);
    }

    /** Every IMS token request answers 503 until {@code tokenEndpointDown(false)} (an outage of the token endpoint). */
    public synchronized void tokenEndpointDown(boolean down) {
        this.tokenEndpointDown = down;
    }

    /** How many token requests the down token endpoint refused. */
    public synchronized int tokenRequestsRefused() {
        return tokenRequestsRefused;
    }

    /** A failing IMS answer repeats the request it got, client secret included, as some gateways' error pages do. */
    public synchronized void echoRequestInTokenFailures(boolean enabled) {
        this.echoTokenRequests = enabled;
    }

    synchronized boolean echoTokenRequests() {
        return echoTokenRequests;
    }

    /** Every {@code /data} request sleeps this long before it is answered; 0 turns it off. */
    public synchronized void delayMillis(long millis) {
        this.delayMillis = Math.max(0, millis);
    }

    /**
     * Every {@code /data} request from now on waits (after the gateway checks and the throttle) until
     * {@link #releaseRequests()}: requests pile up, to be counted or inspected while they are in flight.
     */
    public synchronized void holdRequests() {
        held = true;
    }

    public synchronized void releaseRequests() {
        held = false;
        notifyAll();
    }

    /**
     * Listing pages point their {@code _links.next.href} at another gateway root (e.g. {@code http://evil.invalid});
     * {@code null} points them back at the simulator.
     */
    public synchronized void nextLinksTo(String gatewayRoot) {
        this.nextLinkBase = gatewayRoot;
    }

    synchronized String nextLinkBase() {
        return nextLinkBase;
    }

    /** The next {@code count} non-empty downloads announce their full length but stop half-way. */
    public synchronized void truncateNextDownloads(int count) {
        this.truncations += Math.max(0, count);
    }

    /** Downloads are gzip-encoded (Content-Encoding: gzip) when the client accepts gzip. */
    public synchronized void gzipDownloads(boolean enabled) {
        this.gzip = enabled;
    }

    /** The next {@code count} downloads to a client that accepts gzip are gzip-encoded, then corrupted mid-stream. */
    public synchronized void corruptGzipNextDownloads(int count) {
        this.corruptGzips += Math.max(0, count);
    }

    synchronized boolean gzipDownloads() {
        return gzip;
    }

    synchronized boolean takeCorruptGzip() {
        if (corruptGzips == 0) {
            return false;
        }
        corruptGzips--;
        return true;
    }

    /** Beyond {@code maxRequests} accepted requests per sliding window, answers 429 {@code 429050}. */
    public synchronized void throttle(int maxRequests, long windowMillis, String retryAfter) {
        this.throttleMax = maxRequests;
        this.throttleWindowMillis = windowMillis;
        this.throttleRetryAfter = retryAfter;
        this.throttleWindow.clear();
    }

    public synchronized void reset() {
        anyData.clear();
        downloads.clear();
        listings.clear();
        tokens.clear();
        catalogReads.clear();
        echoTokenRequests = false;
        tokenEndpointDown = false;
        tokenRequestsRefused = 0;
        truncations = 0;
        gzip = false;
        corruptGzips = 0;
        delayMillis = 0;
        throttleMax = 0;
        throttleWindowMillis = 0;
        throttleRetryAfter = null;
        throttleWindow.clear();
        nextLinkBase = null;
        releaseRequests();
    }

    synchronized void awaitRelease() {
        while (held) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    synchronized Optional<Failure> nextDataFailure(boolean download) {
        Failure failure = anyData.poll();
        if (failure == null) {
            failure = download ? downloads.poll() : listings.poll();
        }
        return Optional.ofNullable(failure);
    }

    synchronized Optional<Failure> nextCatalogFailure() {
        return Optional.ofNullable(catalogReads.poll());
    }

    synchronized Optional<Failure> nextTokenFailure() {
        if (tokenEndpointDown) {
            tokenRequestsRefused++;
            return Optional.of(new Failure(503, null, null));
        }
        return Optional.ofNullable(tokens.poll());
    }

    synchronized boolean takeTruncation() {
        if (truncations == 0) {
            return false;
        }
        truncations--;
        return true;
    }

    synchronized long delay() {
        return delayMillis;
    }

    /** Empty when the request may pass (and is counted); otherwise the 429 to answer. */
    synchronized Optional<Failure> throttled() {
        if (throttleMax <= 0 || throttleWindowMillis <= 0) {
            return Optional.empty();
        }
        long now = nanoClock.getAsLong();
        long windowNanos = throttleWindowMillis * 1_000_000L;
        while (!throttleWindow.isEmpty() && now - throttleWindow.peekFirst() >= windowNanos) {
            throttleWindow.pollFirst();
        }
        if (throttleWindow.size() >= throttleMax) {
            return Optional.of(new Failure(429, throttleRetryAfter, null));
        }
        throttleWindow.addLast(now);
        return Optional.empty();
    }

    private static void enqueue(Deque<Failure> queue, int count, int status, String retryAfter) {
        enqueue(queue, count, new Failure(status, retryAfter, null));
    }

    private static void enqueue(Deque<Failure> queue, int count, Failure failure) {
        for (int i = 0; i < count; i++) {
            queue.addLast(failure);
        }
    }
}
