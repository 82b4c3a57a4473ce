package dev.aep.failedbatches.client;

import dev.aep.failedbatches.auth.AccessTokenProvider;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The four headers every AEP call needs (and Accept). They live only on the request of one guarded call: {@link #put}
 * right before it and {@link #takeOff} right after it, inside the circuit breaker, whose copy of the exchange is
 * thrown away when the call fails. So the token is never on the message a caller gets back, on any path.
 */
public final class AepRequestHeaders {

    public static final String AUTHORIZATION = "Authorization";
    public static final String SANDBOX = "aepSandbox";
    private static final List<String> NAMES = List.of(AUTHORIZATION, "x-api-key", "x-gw-ims-org-id", "x-sandbox-name",
            "Accept");

    private final AccessTokenProvider tokens;
    private final String apiKey;
    private final String orgId;
    private final String sandbox;

    public AepRequestHeaders(AccessTokenProvider tokens, String apiKey, String orgId, String sandbox) {
        this.tokens = tokens;
        this.apiKey = apiKey;
        this.orgId = orgId;
        this.sandbox = sandbox;
    }

    /**
     * Before the guarded call: makes sure a valid token is at hand, so that a failing IMS endpoint fails here and not
     * inside the circuit breaker (it says nothing about the API). The token stays in the provider, not on the message.
     */
    public void fetchToken() {
        tokens.token();
    }

    /** Right before the call: a valid token (fetched or renewed when needed) and the other AEP headers. */
    public void put(Exchange exchange) {
        Message in = exchange.getIn();
        in.setHeader(AUTHORIZATION, "Bearer " + tokens.token());
        in.setHeader("x-api-key", apiKey);
        in.setHeader("x-gw-ims-org-id", orgId);
        // a route template instance may work on another sandbox than the configured one
        in.setHeader("x-sandbox-name", exchange.getProperty(SANDBOX, sandbox, String.class));
        in.setHeader("Accept", "application/json");
    }

    /**
     * After the call, whatever it answered: a 401 drops exactly the token this request carried (the retry then gets a
     * fresh one from {@link #put}), and the request's headers leave the message.
     */
    public void takeOff(Exchange exchange) {
        Message in = exchange.getIn();
        if (Integer.valueOf(401).equals(in.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class))) {
            String header = in.getHeader(AUTHORIZATION, String.class);
            tokens.invalidate(header != null && header.startsWith("Bearer ") ? header.substring(7) : null);
        }
        NAMES.forEach(in::removeHeader);
    }
}
