package dev.aep.failedbatches.client;

import dev.aep.failedbatches.auth.AccessTokenProvider;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** Puts the four headers every AEP call needs on the outgoing message; also used again before each redelivery. */
public final class AepRequestHeaders implements Processor {

    public static final String AUTHORIZATION = "Authorization";
    public static final String SANDBOX = "aepSandbox";

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

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        in.setHeader(AUTHORIZATION, "Bearer " + tokens.token());
        in.setHeader("x-api-key", apiKey);
        in.setHeader("x-gw-ims-org-id", orgId);
        // a route template instance may work on another sandbox than the configured one
        in.setHeader("x-sandbox-name", exchange.getProperty(SANDBOX, sandbox, String.class));
        in.setHeader("Accept", "application/json");
    }

    /** The token a failed request carried, so that a 401 invalidates exactly that one. */
    static String tokenOf(Exchange exchange) {
        String header = exchange.getIn().getHeader(AUTHORIZATION, String.class);
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
    }
}
