package dev.aep.failedbatches.auth;

/** The IMS token endpoint refused or failed; the message never holds the client secret. */
public class ImsTokenException extends RuntimeException {

    private final int status;

    public ImsTokenException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status of the token endpoint, or 0 when it could not be reached. */
    public int getStatus() {
        return status;
    }

    /** Connection errors, 429 and 5xx are worth another try; a rejected client is not. */
    public boolean isRetryable() {
        return status == 0 || status == 429 || status >= 500;
    }
}
