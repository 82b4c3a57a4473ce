package dev.aep.failedbatches.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Adobe I/O gateway's header checks on every {@code /data/**} request, in the gateway's order. */
final class GatewayChecks {

    private static final String BEARER = "bearer ";

    private final SimulatorSettings settings;
    private final TokenStore tokens;

    GatewayChecks(SimulatorSettings settings, TokenStore tokens) {
        this.settings = settings;
        this.tokens = tokens;
    }

    /** @param headers request headers with lower-case names */
    Optional<SimulatorResponse> reject(Map<String, String> headers) {
        String authorization = headers.get("authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            return deny(403, "403010", "Oauth token is missing.");
        }
        if (!tokens.isValid(authorization.substring(BEARER.length()).trim())) {
            return deny(401, "401013", "Oauth token is not valid");
        }
        String apiKey = headers.get("x-api-key");
        if (isBlank(apiKey)) {
            return deny(403, "403000", "Api Key is required");
        }
        if (!apiKey.equals(settings.clientId())) {
            return deny(403, "403003", "Api Key is invalid");
        }
        String org = headers.get("x-gw-ims-org-id");
        if (isBlank(org)) {
            return deny(400, "400003", "Missing header");
        }
        if (!org.equals(settings.orgId())) {
            return deny(403, "403025", "Profile is not valid");
        }
        String sandbox = headers.get("x-sandbox-name");
        if (!settings.servesSandbox(isBlank(sandbox) ? "prod" : sandbox)) {
            return Optional.of(emptyListing(404));
        }
        return Optional.empty();
    }

    /** {@code {"data":[],"_page":{"limit":100,"count":0}}}, also the answer for a batch without failed files. */
    static SimulatorResponse emptyListing(int status) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("limit", 100);
        page.put("count", 0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", List.of());
        body.put("_page", page);
        return SimulatorResponse.json(status, body);
    }

    private static Optional<SimulatorResponse> deny(int status, String code, String message) {
        return Optional.of(SimulatorResponse.error(status, code, message));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
