package dev.parley.testkit;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the servers a test asked for and registers connection details for them. A record, so equal requests
 * are equal customizers and Spring's context cache reuses the context.
 */
record RealInfrastructureContextCustomizer(boolean postgres, boolean redis, boolean kafka, String database)
        implements ContextCustomizer {

    /** Databases created for {@link RealInfrastructure#database()} in this JVM: name to JDBC url. */
    private static final Map<String, String> DATABASES = new ConcurrentHashMap<>();

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        // Boot re-initialised logging for this context
        QuietLogging.apply();
        Set<Infrastructure.Kind> kinds = EnumSet.noneOf(Infrastructure.Kind.class);
        if (this.postgres) {
            kinds.add(Infrastructure.Kind.POSTGRES);
        }
        if (this.redis) {
            kinds.add(Infrastructure.Kind.REDIS);
        }
        if (this.kafka) {
            kinds.add(Infrastructure.Kind.KAFKA);
        }
        if (kinds.isEmpty()) {
            return;
        }
        Infrastructure.startAll(kinds);
        Map<String, Object> properties = new LinkedHashMap<>();
        if (this.postgres) {
            PostgresServer server = Infrastructure.postgres();
            String jdbcUrl = this.database.isEmpty() ? server.jdbcUrl()
                    : DATABASES.computeIfAbsent(this.database, server::createDatabase);
            ConnectionDetailsBeans.Jdbc.register(context, jdbcUrl, server.username(), server.password());
            properties.put("parley.testkit.postgres.jdbc-url", jdbcUrl);
            properties.put("parley.testkit.postgres.username", server.username());
            properties.put("parley.testkit.postgres.password", server.password());
        }
        if (this.redis) {
            RedisServer server = Infrastructure.redis();
            ConnectionDetailsBeans.Redis.register(context, server.host(), server.port());
            properties.put("parley.testkit.redis.url", server.redisUrl());
        }
        if (this.kafka) {
            KafkaBroker broker = Infrastructure.kafka();
            ConnectionDetailsBeans.Kafka.register(context, broker.bootstrapServers());
            properties.put("parley.testkit.kafka.bootstrap-servers", broker.bootstrapServers());
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("parleyTestkit", properties));
    }

}
