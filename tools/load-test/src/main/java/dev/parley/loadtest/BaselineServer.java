package dev.parley.loadtest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A bare Spring Boot app with one JSON endpoint: the machine's baseline, run as a separate process like a service. */
@SpringBootApplication
@RestController
public class BaselineServer {

    @PostMapping("/echo")
    Map<String, Object> echo(@RequestBody Map<String, Object> body) {
        return Map.of("processedSequenceIds", java.util.List.of(1), "messages", java.util.List.of(body));
    }

    static void serve(int port) {
        SpringApplication app = new SpringApplication(BaselineServer.class);
        app.setDefaultProperties(Map.of("server.port", String.valueOf(port), "logging.level.root", "WARN",
                "spring.main.banner-mode", "off"));
        app.run();
    }

    /** Starts the baseline as a child JVM from this same jar and waits until it answers. */
    static Handle startChild() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("java.class.path");
        Process process = new ProcessBuilder(java, "-jar", jar, "--serve-baseline", "--port", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Handle handle = new Handle(process, "http://127.0.0.1:" + port);
        handle.awaitReady();
        return handle;
    }

    /** A running baseline process; closing it stops the process. */
    record Handle(Process process, String url) implements AutoCloseable {

        void awaitReady() throws InterruptedException {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("baseline server exited with " + process.exitValue());
                }
                try {
                    HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url + "/echo"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            close();
            throw new IllegalStateException("baseline server did not answer within 60 s");
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }
}
