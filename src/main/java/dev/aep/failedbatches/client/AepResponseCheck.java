package dev.aep.failedbatches.client;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Turns an error status into an {@link AepHttpException} inside the circuit breaker, so that 5xx and connection
 * failures open it while 4xx (the API answering, just not yes) do not; retries then apply to the whole guarded call.
 */
public final class AepResponseCheck implements Processor {

    private static final int MAX_BODY = 2000;

    private final int fromStatus;

    /** @param fromStatus the lowest status that fails: 500 inside the circuit breaker, 400 after it */
    public AepResponseCheck(int fromStatus) {
        this.fromStatus = fromStatus;
    }

    @Override
    public void process(Exchange exchange) throws AepHttpException {
        Message in = exchange.getIn();
        Integer status = in.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null || status < fromStatus) {
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
        String uri = exchange.getProperty("aepHttpPath", "", String.class);
        String query = exchange.getProperty("aepHttpQuery", String.class);
        throw AepHttpException.of(query == null || query.isEmpty() ? uri : uri + "?" + query, status, headers, body);
    }
}
