package dev.aep.failedbatches.simulator;

/** How many requests are being served right now, and the most there ever were at once. Thread-safe. */
public final class InFlightGauge {

    private int current;
    private int max;

    synchronized void enter() {
        current++;
        max = Math.max(max, current);
    }

    synchronized void leave() {
        current--;
    }

    public synchronized int current() {
        return current;
    }

    public synchronized int max() {
        return max;
    }

    /** Starts a new measurement: the maximum becomes what is in flight now. */
    public synchronized void resetMax() {
        max = current;
    }
}
