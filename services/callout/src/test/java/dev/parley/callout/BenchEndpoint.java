package dev.parley.callout;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's endpoint: one canned JSON answer over HTTP/1.1 keep-alive, a platform thread per connection and
 * blocking socket I/O (one read and one write per request). As cheap as an HTTP server gets, so that the endpoint's
 * own cost neither dominates the machine nor differs between the two paths (both call exactly this).
 */
final class BenchEndpoint implements AutoCloseable {

    private final ServerSocket server;
    private final byte[] answer;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final Thread acceptor;

    BenchEndpoint(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        answer = new byte[head.length + body.length];
        System.arraycopy(head, 0, answer, 0, head.length);
        System.arraycopy(body, 0, answer, head.length, body.length);
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        acceptor = Thread.ofPlatform().daemon().name("bench-endpoint-accept").start(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    long requests() {
        return requests.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                Thread.ofPlatform().daemon().name("bench-endpoint-conn").start(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
                OutputStream out = socket.getOutputStream()) {
            while (readRequest(in)) {
                requests.incrementAndGet();
                out.write(answer);
                out.flush();
            }
        } catch (IOException e) {
            // the client closed the connection
        } finally {
            connections.remove(socket);
        }
    }

    /** Reads one request (head and a Content-Length body); false at end of stream. */
    private static boolean readRequest(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(128);
        long contentLength = 0;
        boolean first = true;
        while (true) {
            line.setLength(0);
            int c;
            while ((c = in.read()) != '\n') {
                if (c == -1) {
                    return false;
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            if (line.isEmpty()) {
                if (first) {
                    continue; // tolerate a stray CRLF between requests
                }
                break;
            }
            first = false;
            int colon = line.indexOf(":");
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                contentLength = Long.parseLong(line.substring(colon + 1).trim());
            }
        }
        while (contentLength > 0) {
            long skipped = in.skip(contentLength);
            if (skipped <= 0) {
                if (in.read() == -1) {
                    return false;
                }
                skipped = 1;
            }
            contentLength -= skipped;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
        try {
            acceptor.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
