package dev.aep.failedbatches.simulator;

import java.util.function.LongSupplier;

/**
 * How many requests are being served right now, the most there ever were at once, and how many there were on
 * average while at least one was (time-weighted). Counts, not timings: the maximum does not depend on how busy the
 * host is. Thread-safe.
 */
public final class InFlightGauge {

    private final LongSupplier nanos;
    private int current;
    private int max;
    private long changedAt;
    private long busyNanos;
    private long weightedNanos;

    public InFlightGauge() {
        this(System::nanoTime);
    }

    InFlightGauge(LongSupplier nanos) {
        this.nanos = nanos;
        this.changedAt = nanos.getAsLong();
    }

    synchronized void enter() {
        advance();
        current++;
        max = Math.max(max, current);
    }

    synchronized void leave() {
        advance();
        current--;
    }

    public synchronized int current() {
        return current;
    }

    public synchronized int max() {
        return max;
    }

    /** Requests in flight on average over the time at least one was: 1.0 means one after the other. */
    public synchronized double averageWhileBusy() {
        advance();
        return busyNanos == 0 ? 0 : (double) weightedNanos / busyNanos;
    }

    /** Starts a new measurement: the maximum becomes what is in flight now, the average starts again. */
    public synchronized void resetMax() {
        advance();
        max = current;
        busyNanos = 0;
        weightedNanos = 0;
    }

    private void advance() {
        long now = nanos.getAsLong();
        long elapsed = now - changedAt;
        changedAt = now;
        if (current > 0) {
            busyNanos += elapsed;
            weightedNanos += elapsed * current;
        }
    }
}
