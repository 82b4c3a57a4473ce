package dev.aep.failedbatches.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A host that must never be contacted: it records every request (method and URI, never headers) and answers 404. */
public final class RecordingHost implements AutoCloseable {

    private final HttpServer server;
    private final List<String> hits = new CopyOnWriteArrayList<>();

    public RecordingHost() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            hits.add(exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + (exchange.getRequestHeaders().containsKey("Authorization") ? " (with Authorization)" : ""));
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<String> hits() {
        return List.copyOf(hits);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
