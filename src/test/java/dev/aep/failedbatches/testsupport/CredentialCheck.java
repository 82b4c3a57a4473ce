package dev.aep.failedbatches.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.failedbatches.auth.AccessTokenProvider;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

/** Asserts that an exchange handed back to a caller carries no AEP credential. */
public final class CredentialCheck {

    private CredentialCheck() {
    }

    /** Fails naming the headers or properties that carry one (never showing the token itself). */
    public static void assertNoCredentialHeaders(CamelContext context, Exchange reply) {
        String token = context.getRegistry().lookupByNameAndType("aepTokens", AccessTokenProvider.class).token();
        assertThat(carrying(reply.getMessage().getHeaders(), token)).as("headers of the reply with a credential").isEmpty();
        assertThat(carrying(reply.getProperties(), token)).as("properties of the reply with the token").isEmpty();
    }

    private static List<String> carrying(Map<String, Object> values, String token) {
        return values.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Authorization") || String.valueOf(e.getValue()).contains(token))
                .map(Map.Entry::getKey)
                .toList();
    }
}
