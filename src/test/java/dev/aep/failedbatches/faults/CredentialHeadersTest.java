package dev.aep.failedbatches.faults;

import static dev.aep.failedbatches.testsupport.CredentialCheck.assertNoCredentialHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.failedbatches.pipeline.PipelineTestSupport;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * The exchange that direct:aep-retrieve-batch hands back carries no AEP credential, whatever happened: a host that
 * forwards the reply (HTTP, JMS) must not send the token along.
 */
class CredentialHeadersTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        // the breaker opens only once the last five calls all failed: the exhausted 500s below, not before
        return Map.of("aep.circuit.minimum-calls", "5", "aep.circuit.sliding-window-size", "5",
                "aep.circuit.failure-rate-threshold", "100", "aep.circuit.open-seconds", "60");
    }

    @Test
    void noCredentialComesBackOnSuccessClientErrorExhaustedRetriesOrAnOpenBreaker() {
        FaultInjectionTest.batchOfKnownSize(simulator());

        Exchange completed = retrieveExchange(FaultInjectionTest.BATCH);
        assertThat(completed.getMessage().getBody(Map.class).get("status")).isEqualTo("completed");
        assertNoCredentialHeaders(context, completed);

        Exchange notFound = retrieveExchange("01UNKNOWN00000000000000404");
        assertThat(notFound.getMessage().getBody(Map.class).get("httpStatus")).isEqualTo(404);
        assertNoCredentialHeaders(context, notFound);

        simulator().faults().failNext(5, 500, null);
        Exchange exhausted = retrieveExchange(FaultInjectionTest.BATCH);
        assertThat(exhausted.getMessage().getBody(Map.class).get("httpStatus")).isEqualTo(500);
        assertNoCredentialHeaders(context, exhausted);

        Exchange rejected = retrieveExchange(FaultInjectionTest.BATCH);
        assertThat((String) rejected.getMessage().getBody(Map.class).get("reason")).contains("circuit breaker open");
        assertNoCredentialHeaders(context, rejected);
    }

    private Exchange retrieveExchange(String batchId) {
        return template.request("direct:aep-retrieve-batch", exchange -> exchange.getIn().setBody(batchId));
    }
}
