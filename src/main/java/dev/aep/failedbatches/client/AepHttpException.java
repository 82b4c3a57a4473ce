package dev.aep.failedbatches.client;

import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * An AEP call answered with a status that is not success; server errors (5xx) are told apart from every other
 * (a 4xx, a 3xx that is not followed, a 206 or 304 that nobody asked for).
 */
public class AepHttpException extends HttpOperationFailedException {

    public AepHttpException(String uri, int statusCode, Map<String, String> headers, String body) {
        super(uri, statusCode, null, null, headers, body);
    }

    public static AepHttpException of(String uri, int statusCode, Map<String, String> headers, String body) {
        return statusCode >= 500 ? new AepServerErrorException(uri, statusCode, headers, body)
                : new AepClientErrorException(uri, statusCode, headers, body);
    }

    /** Not a 5xx (4xx with 429, 3xx, 206, 304): the API is up, so the circuit breaker does not count it. */
    public static class AepClientErrorException extends AepHttpException {
        public AepClientErrorException(String uri, int statusCode, Map<String, String> headers, String body) {
            super(uri, statusCode, headers, body);
        }
    }

    /** 5xx: the API is in trouble; it counts towards opening the circuit breaker. */
    public static class AepServerErrorException extends AepHttpException {
        public AepServerErrorException(String uri, int statusCode, Map<String, String> headers, String body) {
            super(uri, statusCode, headers, body);
        }
    }
}
