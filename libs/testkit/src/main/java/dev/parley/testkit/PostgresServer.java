package dev.parley.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A running PostgreSQL server reachable over TCP, with the facts a client needs to connect. */
public interface PostgresServer extends AutoCloseable {

    /** The database every server has; {@link #jdbcUrl()} points at it. */
    String DEFAULT_DATABASE = "postgres";

    /** Host to connect to, usually {@code 127.0.0.1}. */
    String host();

    /** TCP port the server listens on. */
    int port();

    /** A superuser name. */
    String username();

    /** Password for {@link #username()} (the embedded server trusts loopback clients and ignores it). */
    String password();

    /** JDBC url of the {@value #DEFAULT_DATABASE} database, without credentials. */
    default String jdbcUrl() {
        return jdbcUrl(DEFAULT_DATABASE);
    }

    /** JDBC url of the named database on this server, without credentials. */
    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /**
     * Creates an empty database, replacing any database of that name (open connections to it are ended),
     * and returns its JDBC url. Names are lower-case letters, digits and underscores, starting with a letter
     * or underscore, at most 63 characters.
     */
    default String createDatabase(String name) {
        if (name == null || !DatabaseNames.VALID.matcher(name).matches() || DEFAULT_DATABASE.equals(name)) {
            throw new IllegalArgumentException("Invalid database name '" + name
                    + "': use [a-z_][a-z0-9_]{0,62} and not '" + DEFAULT_DATABASE + "'");
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), username(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        catch (SQLException ex) {
            throw new InfrastructureException("Could not create database '" + name + "' on PostgreSQL at "
                    + host() + ":" + port() + ": " + ex.getMessage(), ex);
        }
        return jdbcUrl(name);
    }

    /** Stops the server; calling it again does nothing. Shared servers from {@link Infrastructure} ignore it. */
    @Override
    void close();

    /**
     * Starts a new embedded PostgreSQL server on 127.0.0.1 with a throw-away data directory, stopped by
     * {@link #close()} or at JVM exit.
     * @param port the port to listen on, or 0 for a free one
     */
    static PostgresServer start(int port) {
        return EmbeddedPostgresServer.start(port, null);
    }

    /**
     * Starts a new embedded PostgreSQL server on 127.0.0.1 that keeps its data in {@code dataDirectory}
     * across restarts (initialised on first use), stopped by {@link #close()} or at JVM exit.
     * @param port the port to listen on, or 0 for a free one
     */
    static PostgresServer start(int port, Path dataDirectory) {
        if (dataDirectory == null) {
            throw new IllegalArgumentException("dataDirectory is null: use start(port) for a throw-away server");
        }
        return EmbeddedPostgresServer.start(port, dataDirectory);
    }

}
