package dev.aep.failedbatches.operate;

import dev.aep.failedbatches.auth.AccessTokenProvider;
import dev.aep.failedbatches.auth.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: an access token is obtainable. It asks the bundle's token provider, which answers from its cache, so a
 * probe costs no IMS call while the token is valid; after a failure the next probes repeat the failure for
 * {@code retryAfter} instead of asking IMS again.
 */
public final class TokenHealthCheck extends AbstractHealthCheck {

    private final Supplier<AccessTokenProvider> tokens;
    private final Duration retryAfter;
    private final Clock clock;
    private Instant failedAt;
    private String failure;

    public TokenHealthCheck(Supplier<AccessTokenProvider> tokens, Duration retryAfter, Clock clock) {
        super("aep", "aep-access-token");
        this.tokens = tokens;
        this.retryAfter = retryAfter;
        this.clock = clock;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected synchronized void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        AccessTokenProvider provider = tokens.get();
        if (provider == null || provider.isStatic()) {
            builder.detail("token", "static (aep.auth.access-token), not checked").up();
            return;
        }
        if (failedAt != null && clock.instant().isBefore(failedAt.plus(retryAfter))) {
            builder.message(failure).down();
            return;
        }
        try {
            provider.token();
            failedAt = null;
            builder.up();
        } catch (RuntimeException e) {
            failedAt = clock.instant();
            failure = "no IMS access token: " + Secrets.mask(String.valueOf(e.getMessage()));
            builder.message(failure).down();
        }
    }
}
