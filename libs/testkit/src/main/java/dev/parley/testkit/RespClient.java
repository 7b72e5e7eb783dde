package dev.parley.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends one argument-less Redis command over a raw socket, so the testkit needs no Redis client library. */
final class RespClient {

    private RespClient() {
    }

    static String command(String host, int port, String command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("*1\r\n$" + command.length() + "\r\n" + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = readLine(socket.getInputStream());
            if (!reply.startsWith("+")) {
                throw new InfrastructureException("Redis at " + host + ":" + port + " answered " + command + " with '" + reply + "'");
            }
            return reply.substring(1);
        }
        catch (IOException ex) {
            throw new InfrastructureException("Could not send " + command + " to Redis at " + host + ":" + port + ": " + ex.getMessage(), ex);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

}
