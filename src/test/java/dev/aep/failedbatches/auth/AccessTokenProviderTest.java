package dev.aep.failedbatches.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aep.failedbatches.simulator.AepSimulator;
import dev.aep.failedbatches.simulator.SimulatorSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessTokenProviderTest {

    private final AepSimulator ims = new AepSimulator(new SimulatorSettings().clientId("c").clientSecret("s3cret")
            .tokenTtlSeconds(600).loadDemoData(false)).start();
    private final MutableClock clock = new MutableClock();

    @AfterEach
    void stop() {
        ims.close();
    }

    private AccessTokenProvider provider(String secret) {
        return AccessTokenProvider.clientCredentials(ims.tokenUrl(), "c", secret, "openid",
                Duration.ofSeconds(300), Duration.ofSeconds(5), clock);
    }

    @Test
    void cachesTheTokenAndRenewsItBeforeItExpires() {
        AccessTokenProvider tokens = provider("s3cret");
        String first = tokens.token();
        clock.advance(Duration.ofSeconds(449));
        assertThat(tokens.token()).isEqualTo(first);
        assertThat(ims.tokensIssued()).isEqualTo(1);

        // the 300 s margin is capped at a quarter of the 600 s lifetime: renewed 150 s before it expires
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.token()).isNotEqualTo(first);
        assertThat(ims.tokensIssued()).isEqualTo(2);
    }

    @Test
    void invalidatingARejectedTokenFetchesANewOneOnlyOnce() throws Exception {
        AccessTokenProvider tokens = provider("s3cret");
        String rejected = tokens.token();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> callers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                callers.add(() -> {
                    tokens.invalidate(rejected);
                    return tokens.token();
                });
            }
            List<String> seen = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(callers)) {
                seen.add(f.get());
            }
            assertThat(seen).doesNotContain(rejected).containsOnly(seen.get(0));
            assertThat(ims.tokensIssued()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRejectedClientIsNotRetryableAndItsSecretNeverAppearsInTheError() {
        AccessTokenProvider tokens = provider("wrong-secret-value");
        assertThatThrownBy(tokens::token)
                .isInstanceOfSatisfying(ImsTokenException.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(401);
                    assertThat(e.isRetryable()).isFalse();
                })
                .message().doesNotContain("wrong-secret-value");
    }

    @Test
    void aFailingTokenEndpointIsRetryable() {
        ims.faults().failNextTokens(1, 503);
        assertThatThrownBy(provider("s3cret")::token)
                .isInstanceOfSatisfying(ImsTokenException.class, e -> assertThat(e.isRetryable()).isTrue());
    }

    @Test
    void aStaticTokenIsUsedAsIs() {
        AccessTokenProvider tokens = AccessTokenProvider.staticToken("static-token");
        tokens.invalidate("static-token");
        assertThat(tokens.token()).isEqualTo("static-token");
    }

    @Test
    void aTokenShorterLivedThanTheMarginIsStillReusedForMostOfItsLife() {
        try (AepSimulator shortLived = new AepSimulator(new SimulatorSettings().clientId("c").clientSecret("s3cret")
                .tokenTtlSeconds(4).loadDemoData(false)).start()) {
            AccessTokenProvider tokens = AccessTokenProvider.clientCredentials(shortLived.tokenUrl(), "c", "s3cret",
                    "openid", Duration.ofSeconds(300), Duration.ofSeconds(5), clock);
            for (int call = 0; call < 32; call++) {
                tokens.token();
                clock.advance(Duration.ofMillis(125));
            }
            // 32 calls over 4 s: renewed once, after 3 s (not once per call, as a 300 s margin would do)
            assertThat(shortLived.tokensIssued()).isEqualTo(2);
        }
    }

    @Test
    void secretsAreMaskedInText() {
        assertThat(Secrets.mask("Authorization: Bearer abc.def-ghi")).isEqualTo("Authorization: Bearer ****");
        assertThat(Secrets.mask("client_secret=xyz&scope=openid")).isEqualTo("client_secret=****&scope=openid");
        assertThat(Secrets.mask("{\"access_token\":\"tok123\"}")).isEqualTo("{\"access_token\":\"****\"}");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
