package dev.aep.failedbatches.outage;

/**
 * A batch was not finished and is left to be redone: its inbox file stays in the inbox, its queue message is rolled
 * back. Raised by an outage ({@link AepOutageException}) or when the bundle is shutting down.
 */
public class PutBackException extends RuntimeException {

    public PutBackException(String message) {
        super(message);
    }
}
