package dev.parley.testkit;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Registers Spring Boot connection details beans. Each kind sits in its own nested class so that a module
 * without, say, spring-boot-kafka never loads the Kafka types.
 */
final class ConnectionDetailsBeans {

    private ConnectionDetailsBeans() {
    }

    private static <T> void register(ConfigurableApplicationContext context, String name, Class<T> type,
            Supplier<T> instance) {
        if (context instanceof BeanDefinitionRegistry registry) {
            registry.registerBeanDefinition(name, new RootBeanDefinition(type, instance));
        }
        else {
            context.getBeanFactory().registerSingleton(name, instance.get());
        }
    }

    static final class Jdbc {

        private Jdbc() {
        }

        static void register(ConfigurableApplicationContext context, String jdbcUrl, String username, String password) {
            JdbcConnectionDetails details = new Details(jdbcUrl, username, password);
            ConnectionDetailsBeans.register(context, "parleyTestkitJdbcConnectionDetails", JdbcConnectionDetails.class,
                    () -> details);
        }

        private record Details(String jdbcUrl, String username, String password) implements JdbcConnectionDetails {

            @Override
            public String getJdbcUrl() {
                return this.jdbcUrl;
            }

            @Override
            public String getUsername() {
                return this.username;
            }

            @Override
            public String getPassword() {
                return this.password;
            }

        }

    }

    static final class Redis {

        private Redis() {
        }

        static void register(ConfigurableApplicationContext context, String host, int port) {
            DataRedisConnectionDetails details = new Details(host, port);
            ConnectionDetailsBeans.register(context, "parleyTestkitDataRedisConnectionDetails",
                    DataRedisConnectionDetails.class, () -> details);
        }

        private record Details(String host, int port) implements DataRedisConnectionDetails {

            @Override
            public Standalone getStandalone() {
                return Standalone.of(this.host, this.port);
            }

        }

    }

    static final class Kafka {

        private Kafka() {
        }

        static void register(ConfigurableApplicationContext context, String bootstrapServers) {
            KafkaConnectionDetails details = new Details(List.of(bootstrapServers.split(",")));
            ConnectionDetailsBeans.register(context, "parleyTestkitKafkaConnectionDetails", KafkaConnectionDetails.class,
                    () -> details);
        }

        private record Details(List<String> bootstrapServers) implements KafkaConnectionDetails {

            @Override
            public List<String> getBootstrapServers() {
                return this.bootstrapServers;
            }

        }

    }

}
