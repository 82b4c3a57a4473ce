package dev.aep.failedbatches.inbox;

/** An inbox file that is not a list of batch IDs at all; it moves to {@code .failed}. */
public class InvalidInboxFileException extends RuntimeException {

    public InvalidInboxFileException(String message) {
        super(message);
    }
}
