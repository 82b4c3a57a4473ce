package dev.aep.failedbatches.client;

import dev.aep.failedbatches.auth.ImsTokenException;
import dev.aep.failedbatches.errors.Causes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;

/** Reads what a failed AEP call said: its status and its Retry-After. */
public final class HttpFailures {

    public HttpFailures() {
        // also a bean (aepFailures) for route predicates
    }

    /** The HTTP status behind a failure (looking through wrappers), or 0 when there was no HTTP answer. */
    public static int status(Throwable failure) {
        Throwable cause = explaining(failure);
        return cause instanceof HttpOperationFailedException http ? http.getStatusCode()
                : cause instanceof ImsTokenException ims ? ims.getStatus() : 0;
    }

    /** Whether another try may succeed: 429, 5xx, connection errors, an IMS endpoint that failed or was unreachable. */
    public static boolean retryable(Throwable failure) {
        Throwable cause = explaining(failure);
        if (cause instanceof HttpOperationFailedException http) {
            return http.getStatusCode() == 429 || http.getStatusCode() >= 500;
        }
        if (cause instanceof ImsTokenException ims) {
            return ims.isRetryable();
        }
        return cause instanceof IOException;
    }

    /** For route predicates: the status of the failure being handled on {@code exchange}. */
    public int statusOf(Exchange exchange) {
        return status(handled(exchange));
    }

    /** For route predicates: whether the failure being handled on {@code exchange} is worth another try. */
    public boolean isRetryable(Exchange exchange) {
        return retryable(handled(exchange));
    }

    private static Throwable handled(Exchange exchange) {
        return exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    /** The first HTTP, IMS or I/O failure in the cause chain: the one that says what happened. */
    private static Throwable explaining(Throwable failure) {
        return Causes.find(failure, HttpOperationFailedException.class, ImsTokenException.class, IOException.class)
                .orElse(null);
    }

    private static HttpOperationFailedException http(Throwable failure) {
        return explaining(failure) instanceof HttpOperationFailedException http ? http : null;
    }

    /** Retry-After as delta-seconds or an HTTP-date, relative to {@code now}; empty when absent or unreadable. */
    public static Optional<Duration> retryAfter(Throwable failure, Instant now) {
        HttpOperationFailedException http = http(failure);
        if (http == null || http.getResponseHeaders() == null) {
            return Optional.empty();
        }
        String value = header(http.getResponseHeaders(), "Retry-After");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        value = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (name.equalsIgnoreCase(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }
}
