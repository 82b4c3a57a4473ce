package dev.aep.failedbatches.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler decided to answer; written to the wire by {@link HttpExchanges#send}. */
record SimulatorResponse(int status, Map<String, String> headers, byte[] body, boolean truncate) {

    static final ObjectMapper JSON = new ObjectMapper();

    static SimulatorResponse json(int status, Object body) {
        try {
            return new SimulatorResponse(status, contentType("application/json"), JSON.writeValueAsBytes(body), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise simulator response", e);
        }
    }

    /** {@code {"error_code": code, "message": message}}, the gateway's error shape. */
    static SimulatorResponse error(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("message", message);
        return json(status, body);
    }

    static SimulatorResponse bytes(int status, String contentType, byte[] body) {
        return new SimulatorResponse(status, contentType(contentType), body, false);
    }

    SimulatorResponse withHeader(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimulatorResponse(status, copy, body, truncate);
    }

    SimulatorResponse truncated() {
        return new SimulatorResponse(status, headers, body, true);
    }

    private static Map<String, String> contentType(String value) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", value);
        return headers;
    }
}
