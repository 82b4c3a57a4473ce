package dev.aep.failedbatches.simulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /ims/token/v3}: OAuth Server-to-Server client-credentials grant. */
final class ImsTokenHandler {

    static final String PATH = "/ims/token/v3";
    private static final List<String> REQUIRED = List.of("grant_type", "client_id", "client_secret", "scope");

    private final SimulatorSettings settings;
    private final TokenStore tokens;
    private final SimulatorFaults faults;

    ImsTokenHandler(SimulatorSettings settings, TokenStore tokens, SimulatorFaults faults) {
        this.settings = settings;
        this.tokens = tokens;
        this.faults = faults;
    }

    SimulatorResponse handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return SimulatorResponse.error(405, "405", "Method not allowed").withHeader("Allow", "POST");
        }
        String form = HttpExchanges.readBody(exchange);
        Optional<SimulatorFaults.Failure> failure = faults.nextTokenFailure();
        if (failure.isPresent()) {
            int status = failure.get().status();
            return oauthError(status, "server_error", "Simulated IMS failure (HTTP " + status + ")"
                    + (faults.echoTokenRequests() ? " for request " + form : ""));
        }
        // IMS accepts the parameters in the query string as well as in the form body.
        Map<String, String> params = HttpExchanges.decodeParams(exchange.getRequestURI().getRawQuery());
        params.putAll(HttpExchanges.decodeParams(form));

        for (String name : REQUIRED) {
            if (params.getOrDefault(name, "").isBlank()) {
                return oauthError(400, "invalid_request", "Missing required parameter: " + name);
            }
        }
        if (!"client_credentials".equals(params.get("grant_type"))) {
            return oauthError(400, "invalid_request", "Unsupported grant_type; use client_credentials");
        }
        if (!sameText(settings.clientId(), params.get("client_id"))
                || !sameText(settings.clientSecret(), params.get("client_secret"))) {
            return oauthError(401, "invalid_client", "invalid client_id or client_secret");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue());
        body.put("token_type", "bearer");
        body.put("expires_in", settings.tokenTtlSeconds());
        return SimulatorResponse.json(200, body);
    }

    private static SimulatorResponse oauthError(int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return SimulatorResponse.json(status, body);
    }

    /** Constant-time comparison, so the simulator does not model a timing leak on the secret. */
    private static boolean sameText(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
