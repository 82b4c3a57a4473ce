package dev.aep.failedbatches.simulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Small helpers around {@link HttpExchange}: query/form decoding, header snapshots, writing responses. */
final class HttpExchanges {

    private HttpExchanges() {
    }

    /**
     * Decodes {@code a=1&b=x%20y} (query string or form body): split on {@code &}, then URL-decode each key and
     * value, {@code +} meaning space. The first occurrence of a key wins.
     *
     * @throws IllegalArgumentException on a malformed percent escape
     */
    static Map<String, String> decodeParams(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }

    /** URL-encodes a query value; spaces become {@code %20} so the value also survives non-form decoders. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, String> lowerCaseHeaders(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return headers;
    }

    /**
     * Writes the response. A truncated response announces the full Content-Length, writes half of the body and
     * then throws, which makes the JDK server drop the connection: the client sees a premature EOF.
     */
    static void send(HttpExchange exchange, SimulatorResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.streamed() != null) {
            sendStreamed(exchange, response);
            return;
        }
        byte[] body = response.body();
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        // -1 means "no body" to the JDK server (it still sends Content-Length: 0); 0 would mean chunked.
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (noBody) {
            exchange.close();
            return;
        }
        OutputStream out = exchange.getResponseBody();
        if (response.truncate()) {
            out.write(body, 0, body.length / 2);
            out.flush();
            throw new TruncatedResponseException();
        }
        out.write(body);
        out.close();
    }

    /** Like {@link #send} for a streamed body: copied in chunks, never held whole in memory. */
    private static void sendStreamed(HttpExchange exchange, SimulatorResponse response) throws IOException {
        long length = response.streamed().length();
        boolean noBody = length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : length);
        if (noBody) {
            exchange.close();
            return;
        }
        long toWrite = response.truncate() ? length / 2 : length;
        OutputStream out = exchange.getResponseBody();
        try (InputStream in = response.streamed().open()) {
            byte[] buffer = new byte[64 * 1024];
            while (toWrite > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, toWrite));
                if (n < 0) {
                    throw new IOException("generated body ended " + toWrite + " bytes early");
                }
                out.write(buffer, 0, n);
                toWrite -= n;
            }
        }
        if (response.truncate()) {
            out.flush();
            throw new TruncatedResponseException();
        }
        out.close();
    }

    /** Thrown on purpose to abort a response mid-body; the JDK server then closes the connection. */
    static final class TruncatedResponseException extends IOException {
        TruncatedResponseException() {
            super("simulated truncated download");
        }
    }
}
