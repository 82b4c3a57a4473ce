package dev.aep.failedbatches.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth Server-to-Server client credentials against IMS token v3, or a static token.
 * The token is cached and renewed {@code refreshMargin} before it expires, the margin capped at a quarter of the
 * token's lifetime (so a short-lived token is still reused for most of its life instead of fetched per call); callers
 * share one refresh at a time.
 */
public final class AccessTokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenProvider.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String scopes;
    private final Duration refreshMargin;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private final boolean staticToken;

    /** Told of every answer of the IMS token endpoint (metrics); status 0 when it could not be reached. */
    public interface TokenRequestListener {
        void tokenRequested(int status, boolean obtained);
    }

    private volatile TokenRequestListener listener = (status, obtained) -> { };
    private String token;
    /** When the token is renewed; null while there is no usable token. */
    private Instant renewAt;

    private AccessTokenProvider(String tokenUrl, String clientId, String clientSecret, String scopes,
            Duration refreshMargin, Duration timeout, Clock clock, String staticTokenValue) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scopes = scopes;
        this.refreshMargin = refreshMargin;
        this.timeout = timeout;
        this.clock = clock;
        this.staticToken = staticTokenValue != null;
        this.token = staticTokenValue;
        this.renewAt = null;
        this.http = staticToken ? null : HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public static AccessTokenProvider clientCredentials(String tokenUrl, String clientId, String clientSecret,
            String scopes, Duration refreshMargin, Duration timeout, Clock clock) {
        if (isBlank(clientId) || isBlank(clientSecret)) {
            throw new IllegalArgumentException(
                    "aep.auth.client-id and aep.auth.client-secret are required unless aep.auth.access-token is set");
        }
        return new AccessTokenProvider(tokenUrl, clientId, clientSecret, scopes, refreshMargin, timeout, clock, null);
    }

    public static AccessTokenProvider staticToken(String accessToken) {
        return new AccessTokenProvider(null, null, null, null, Duration.ZERO, Duration.ZERO, Clock.systemUTC(), accessToken);
    }

    /** A valid token, fetched or renewed when needed. */
    public synchronized String token() {
        if (!staticToken && (renewAt == null || !clock.instant().isBefore(renewAt))) {
            fetch();
        }
        return token;
    }

    /** The gateway rejected {@code rejected}: drop it unless another caller already replaced it. */
    public synchronized void invalidate(String rejected) {
        if (!staticToken && rejected != null && rejected.equals(token)) {
            renewAt = null;
        }
    }

    public void setListener(TokenRequestListener listener) {
        this.listener = listener;
    }

    public boolean isStatic() {
        return staticToken;
    }

    private void fetch() {
        String form = "grant_type=client_credentials"
                + "&client_id=" + encode(clientId)
                + "&client_secret=" + encode(clientSecret)
                + "&scope=" + encode(scopes);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            listener.tokenRequested(0, false);
            throw new ImsTokenException("IMS token endpoint unreachable: " + e.getClass().getSimpleName(), 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImsTokenException("interrupted while requesting an IMS token", 0, null);
        }
        boolean obtained = false;
        try {
            obtained = read(response);
        } finally {
            listener.tokenRequested(response.statusCode(), obtained);
        }
    }

    private boolean read(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new ImsTokenException("IMS token endpoint answered HTTP " + response.statusCode() + ": "
                    + Secrets.mask(shorten(response.body())), response.statusCode(), null);
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            String accessToken = json.path("access_token").asText(null);
            long expiresIn = json.path("expires_in").asLong(0);
            if (isBlank(accessToken) || expiresIn <= 0) {
                throw new ImsTokenException("IMS token response has no access_token/expires_in", 200, null);
            }
            token = accessToken;
            Duration lifetime = Duration.ofSeconds(expiresIn);
            Duration margin = refreshMargin.compareTo(lifetime.dividedBy(4)) > 0 ? lifetime.dividedBy(4) : refreshMargin;
            renewAt = clock.instant().plus(lifetime).minus(margin);
            LOG.info("Obtained an IMS access token valid for {} s", expiresIn);
            return true;
        } catch (IOException e) {
            throw new ImsTokenException("IMS token response is not JSON", 200, null);
        }
    }

    private static String shorten(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
