package dev.parley.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks and free-port lookup on the loopback interface. */
final class Ports {

    private Ports() {
    }

    static void check(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Invalid port " + port + ": use 0 for a free port or 1-65535");
        }
    }

    /** A port free on 127.0.0.1 right now; for servers that cannot bind port 0 themselves. */
    static int free() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new InfrastructureException("Could not find a free port on 127.0.0.1", ex);
        }
    }

    static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

}
