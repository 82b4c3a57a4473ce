package dev.aep.failedbatches.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aep.failedbatches.auth.ImsTokenException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

class HttpFailuresTest {

    private static HttpOperationFailedException failure(int status, Map<String, String> headers) {
        return new HttpOperationFailedException("http://aep/x", status, "status", null, headers, "{}");
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");
        assertThat(HttpFailures.retryAfter(failure(429, Map.of("Retry-After", "7")), now)).contains(Duration.ofSeconds(7));
        assertThat(HttpFailures.retryAfter(failure(503, Map.of("retry-after", "Sun, 29 Nov 2026 12:00:30 GMT")), now))
                .contains(Duration.ofSeconds(30));
        assertThat(HttpFailures.retryAfter(failure(503, Map.of("Retry-After", "Sun, 29 Nov 2026 11:00:00 GMT")), now))
                .contains(Duration.ZERO);
        assertThat(HttpFailures.retryAfter(failure(503, Map.of("Retry-After", "soon")), now)).isEmpty();
        assertThat(HttpFailures.retryAfter(failure(503, Map.of()), now)).isEmpty();
        assertThat(HttpFailures.status(failure(404, Map.of()))).isEqualTo(404);
    }

    @Test
    void statusAndRetryableLookThroughCamelsWrappers() {
        RuntimeException wrapped404 = new RuntimeException("split", new IllegalStateException(failure(404, Map.of())));
        RuntimeException wrappedReset = new RuntimeException("bean", new ConnectException("refused"));
        RuntimeException wrappedIms = new RuntimeException("bean", new ImsTokenException("IMS answered 503", 503, null));

        assertThat(HttpFailures.status(wrapped404)).isEqualTo(404);
        assertThat(HttpFailures.retryable(wrapped404)).isFalse();
        assertThat(HttpFailures.retryable(new RuntimeException(failure(503, Map.of())))).isTrue();
        assertThat(HttpFailures.status(wrappedReset)).isZero();
        assertThat(HttpFailures.retryable(wrappedReset)).isTrue();
        assertThat(HttpFailures.status(wrappedIms)).isEqualTo(503);
        assertThat(HttpFailures.retryable(new IllegalStateException("no HTTP"))).isFalse();
        assertThat(HttpFailures.retryAfter(new RuntimeException(failure(429, Map.of("Retry-After", "2"))),
                Instant.EPOCH)).contains(Duration.ofSeconds(2));
    }
}
