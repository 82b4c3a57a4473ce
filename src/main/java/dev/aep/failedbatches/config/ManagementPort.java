package dev.aep.failedbatches.config;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/**
 * Whether the management server will get its port. Vert.x binds it only once Camel starts, and a port in use there is
 * a 40-line stack trace after which the bundle runs on without health or metrics: tried here first, released at once.
 */
final class ManagementPort {

    private ManagementPort() {
    }

    /** Why {@code host:port} cannot be bound, if it cannot. */
    static Optional<String> bindProblem(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as Vert.x binds it: a port held by another listener is refused even with SO_REUSEADDR
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return Optional.empty();
        } catch (BindException e) {
            return Optional.of("already in use on " + host + " (another instance, or another program; choose another"
                    + " port, or 0 for a free one)");
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            return Optional.of("cannot be bound on " + host + ": " + e.getMessage());
        }
    }
}
