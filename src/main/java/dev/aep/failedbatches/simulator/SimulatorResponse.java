package dev.aep.failedbatches.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler decided to answer; written to the wire by {@link HttpExchanges#send}. The body is {@code body},
 * or, when {@code streamed} is set, a stream of known length written in chunks (generated content).
 */
record SimulatorResponse(int status, Map<String, String> headers, byte[] body, boolean truncate, StreamedBody streamed) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A body of a known length that is streamed rather than held in memory. */
    interface StreamedBody {
        long length();

        InputStream open() throws IOException;
    }

    SimulatorResponse(int status, Map<String, String> headers, byte[] body, boolean truncate) {
        this(status, headers, body, truncate, null);
    }

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

    static SimulatorResponse streamed(int status, String contentType, StreamedBody body) {
        return new SimulatorResponse(status, contentType(contentType), new byte[0], false, body);
    }

    SimulatorResponse withHeader(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SimulatorResponse(status, copy, body, truncate, streamed);
    }

    SimulatorResponse truncated() {
        return new SimulatorResponse(status, headers, body, true, streamed);
    }

    private static Map<String, String> contentType(String value) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", value);
        return headers;
    }
}
