package dev.parley.testkit;

/** A running Redis server reachable over TCP, with the facts a client needs to connect. */
public interface RedisServer extends AutoCloseable {

    /** Host to connect to, usually {@code 127.0.0.1}. */
    String host();

    /** TCP port the server listens on. */
    int port();

    /** Connection url such as {@code redis://127.0.0.1:6379}. */
    default String redisUrl() {
        return "redis://" + host() + ":" + port();
    }

    /** Deletes every key in every database, so a test starts from an empty server. */
    default void flushAll() {
        RespClient.command(host(), port(), "FLUSHALL");
    }

    /** Stops the server; calling it again does nothing. Shared servers from {@link Infrastructure} ignore it. */
    @Override
    void close();

    /**
     * Starts a new embedded Redis server on 127.0.0.1 without persistence, stopped by {@link #close()} or at
     * JVM exit.
     * @param port the port to listen on, or 0 for a free one
     */
    static RedisServer start(int port) {
        return EmbeddedRedisServer.start(port);
    }

}
