package dev.aep.failedbatches.client;

import static org.assertj.core.api.Assertions.assertThat;

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
}
