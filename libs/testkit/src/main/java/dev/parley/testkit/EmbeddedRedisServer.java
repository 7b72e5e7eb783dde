package dev.parley.testkit;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** redis-server 6.2 from the embedded-redis jar, without persistence, bound to 127.0.0.1. */
final class EmbeddedRedisServer implements RedisServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);

    private static final String HOST = "127.0.0.1";

    /** A free port can be taken by someone else before redis-server binds it; then we try another. */
    private static final int ATTEMPTS = 3;

    private final redis.embedded.RedisServer delegate;

    private final int port;

    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedRedisServer(redis.embedded.RedisServer delegate, int port) {
        this.delegate = delegate;
        this.port = port;
    }

    static EmbeddedRedisServer start(int port) {
        Ports.check(port);
        long started = System.nanoTime();
        IOException failure = null;
        for (int attempt = 1; attempt <= (port == 0 ? ATTEMPTS : 1); attempt++) {
            int chosen = (port == 0) ? Ports.free() : port;
            try {
                redis.embedded.RedisServer instance = redis.embedded.RedisServer.newRedisServer()
                    .bind(HOST)
                    .port(chosen)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("protected-mode yes")
                    .soutListener((line) -> log.debug("redis-server {}: {}", chosen, line))
                    .serrListener((line) -> log.debug("redis-server {}: {}", chosen, line))
                    .build();
                instance.start();
                EmbeddedRedisServer server = new EmbeddedRedisServer(instance, chosen);
                ShutdownHooks.register("redis-" + chosen, server::close);
                log.info("Started embedded Redis on {}:{} in {} ms", HOST, chosen, Ports.millisSince(started));
                return server;
            }
            catch (IOException ex) {
                failure = ex;
            }
        }
        throw new InfrastructureException("Could not start embedded Redis on port " + port + ": " + failure.getMessage(), failure);
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public int port() {
        return this.port;
    }

    @Override
    public void close() {
        if (this.closed.compareAndSet(false, true)) {
            try {
                this.delegate.stop();
            }
            catch (IOException ex) {
                log.warn("Could not stop embedded Redis on port {}", this.port, ex);
            }
        }
    }

    @Override
    public String toString() {
        return "embedded Redis on " + HOST + ":" + this.port;
    }

}
