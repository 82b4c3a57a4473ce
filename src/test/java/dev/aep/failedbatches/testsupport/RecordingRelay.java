package dev.aep.failedbatches.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A TCP relay in front of a real server that records every byte the clients send: what went over the wire. */
public final class RecordingRelay implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final ByteArrayOutputStream fromClients = new ByteArrayOutputStream();

    public RecordingRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "recording-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String clientBytes() {
        synchronized (fromClients) {
            return fromClients.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                pump(client.getInputStream(), target.getOutputStream(), true, target);
                pump(target.getInputStream(), client.getOutputStream(), false, client);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(InputStream in, OutputStream out, boolean record, Socket closeWhenDone) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (closeWhenDone) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (record) {
                        synchronized (fromClients) {
                            fromClients.write(buffer, 0, n);
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed the connection
            }
        }, "recording-relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
