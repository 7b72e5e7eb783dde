package dev.parley.testkit;

/** Views of the JVM-wide servers whose {@code close()} does nothing: they stop at JVM exit, not when a test ends. */
final class SharedHandles {

    private SharedHandles() {
    }

    record Postgres(PostgresServer server) implements PostgresServer {

        @Override
        public String host() {
            return this.server.host();
        }

        @Override
        public int port() {
            return this.server.port();
        }

        @Override
        public String username() {
            return this.server.username();
        }

        @Override
        public String password() {
            return this.server.password();
        }

        @Override
        public String jdbcUrl(String database) {
            return this.server.jdbcUrl(database);
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return "shared " + this.server;
        }

    }

    record Redis(RedisServer server) implements RedisServer {

        @Override
        public String host() {
            return this.server.host();
        }

        @Override
        public int port() {
            return this.server.port();
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return "shared " + this.server;
        }

    }

    record Kafka(KafkaBroker broker) implements KafkaBroker {

        @Override
        public String bootstrapServers() {
            return this.broker.bootstrapServers();
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return "shared " + this.broker;
        }

    }

}
