package dev.aep.failedbatches.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Turns an error status into an {@link AepHttpException}: {@link #serverErrors()} inside the circuit breaker, so that
 * 5xx and connection failures open it while other answers (the API answering, just not yes) do not, and
 * {@link #allButSuccess()} after it. Retries then apply to the whole guarded call.
 */
public final class AepResponseCheck implements Processor {

    private static final int MAX_BODY = 2000;

    private final IntPredicate fails;

    private AepResponseCheck(IntPredicate fails) {
        this.fails = fails;
    }

    /** Inside the circuit breaker: only 5xx fail (and count towards opening it). */
    public static AepResponseCheck serverErrors() {
        return new AepResponseCheck(status -> status >= 500);
    }

    /**
     * After the circuit breaker: every answer but a 2xx fails. A 3xx is not followed (our token must not go where it
     * points) and its body is not the answer; 304 needs a conditional request and 206 a Range, and we send neither,
     * so both mean the body is not the whole answer.
     */
    public static AepResponseCheck allButSuccess() {
        return new AepResponseCheck(status -> status < 200 || status >= 300 || status == 206);
    }

    @Override
    public void process(Exchange exchange) throws AepHttpException {
        Message in = exchange.getIn();
        Integer status = in.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null || !fails.test(status)) {
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        in.getHeaders().forEach((name, value) -> {
            if (value instanceof String text && !name.startsWith("Camel") && !"Authorization".equalsIgnoreCase(name)) {
                headers.put(name, text);
            }
        });
        String body = in.getBody(String.class);
        if (body != null && body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY) + "...";
        }
        String uri = in.getHeader(Exchange.HTTP_PATH, "", String.class);
        String query = in.getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        throw AepHttpException.of(query == null || query.isEmpty() ? uri : uri + "?" + query, status, headers, body);
    }
}
