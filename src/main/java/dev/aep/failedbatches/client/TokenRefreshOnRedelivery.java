package dev.aep.failedbatches.client;

import dev.aep.failedbatches.auth.AccessTokenProvider;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Before a redelivery: drop a token the gateway rejected (401) and put fresh headers on the request. */
public final class TokenRefreshOnRedelivery implements Processor {

    private final AccessTokenProvider tokens;
    private final AepRequestHeaders headers;

    public TokenRefreshOnRedelivery(AccessTokenProvider tokens, AepRequestHeaders headers) {
        this.tokens = tokens;
        this.headers = headers;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        if (HttpFailures.status(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)) == 401) {
            tokens.invalidate(AepRequestHeaders.tokenOf(exchange));
        }
        headers.process(exchange);
    }
}
