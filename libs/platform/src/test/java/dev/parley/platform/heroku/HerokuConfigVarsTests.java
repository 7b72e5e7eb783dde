package dev.parley.platform.heroku;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.security.ssl.DefaultSslEngineFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class HerokuConfigVarsTests {

    @Test
    void mapsNothingWhenNoVarIsSet() {
        assertThat(HerokuConfigVars.translate(name -> null)).isEmpty();
        assertThat(translate("PORT", " ")).isEmpty();
    }

    @Test
    void mapsPort() {
        assertThat(translate("PORT", "5000")).containsExactly(entry("server.port", 5000));
    }

    @Test
    void rejectsABadPortNamingIt() {
        for (String bad : new String[] { "http", "0", "65536", "-1", "80 80" }) {
            assertThatExceptionOfType(InvalidConfigVarException.class).isThrownBy(() -> translate("PORT", bad))
                .withMessageContaining("PORT")
                .satisfies(ex -> assertThat(ex.variable()).isEqualTo("PORT"));
        }
    }

    @Test
    void mapsAHerokuDatabaseUrlWithSslRequired() {
        assertThat(translate("DATABASE_URL", "postgres://u1:p%40ss@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d8db"))
            .containsExactly(
                    entry("spring.datasource.url",
                            "jdbc:postgresql://ec2-1-2-3-4.compute-1.amazonaws.com:5432/d8db?sslmode=require"),
                    entry("spring.datasource.username", "u1"), entry("spring.datasource.password", "p@ss"));
    }

    @Test
    void acceptsThePostgresqlSchemeAndDefaultsThePort() {
        assertThat(translate("DATABASE_URL", "postgresql://u:p@db.example.com/app"))
            .containsEntry("spring.datasource.url", "jdbc:postgresql://db.example.com:5432/app?sslmode=require");
    }

    @Test
    void leavesSslOffForLocalDatabases() {
        assertThat(translate("DATABASE_URL", "postgres://u:p@localhost:5433/app"))
            .containsEntry("spring.datasource.url", "jdbc:postgresql://localhost:5433/app");
        assertThat(translate("DATABASE_URL", "postgres://u:p@127.0.0.1/app"))
            .containsEntry("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/app");
    }

    @Test
    void letsTheSslModeBeOverriddenAndKeepsOtherQueryParameters() {
        assertThat(translate("DATABASE_URL", "postgres://u:p@db.example.com/app?sslmode=disable&ApplicationName=x",
                "PARLEY_DATABASE_SSLMODE", "verify-full"))
            .containsEntry("spring.datasource.url",
                    "jdbc:postgresql://db.example.com:5432/app?ApplicationName=x&sslmode=verify-full");
        assertThat(translate("DATABASE_URL", "postgres://u:p@db.example.com/app?sslmode=prefer"))
            .containsEntry("spring.datasource.url", "jdbc:postgresql://db.example.com:5432/app?sslmode=prefer");
    }

    @Test
    void rejectsAnUnknownSslMode() {
        assertThatExceptionOfType(InvalidConfigVarException.class)
            .isThrownBy(() -> translate("DATABASE_URL", "postgres://u:p@h/db", "PARLEY_DATABASE_SSLMODE", "maybe"))
            .withMessageContaining("PARLEY_DATABASE_SSLMODE")
            .withMessageContaining("'maybe'");
    }

    @Test
    void rejectsABadDatabaseUrlNamingItButNotThePassword() {
        for (String bad : new String[] { "mysql://u:hunter2@h/db", "postgres://u:hunter2@/db",
                "postgres://u:hunter2@h:5432", "postgres://u:hunter2@h/db/extra", "postgres://u:hunter2 x@h/db",
                "postgres://u:hunter2%zz@h/db", "hunter2" }) {
            assertThatExceptionOfType(InvalidConfigVarException.class).as(bad)
                .isThrownBy(() -> translate("DATABASE_URL", bad))
                .withMessageContaining("DATABASE_URL")
                .withMessageNotContaining("hunter2")
                .withNoCause();
        }
    }

    @Test
    void mapsAPlainRedisUrl() {
        assertThat(translate("REDIS_URL", "redis://:pw@localhost:6379"))
            .containsExactly(entry("spring.data.redis.url", "redis://:pw@localhost:6379"));
    }

    @Test
    void mapsHerokuRedisWithTlsButNoPeerVerification() {
        assertThat(translate("REDIS_URL", "rediss://:pw@ec2-9.compute-1.amazonaws.com:12345")).containsExactly(
                entry("spring.data.redis.url", "rediss://:pw@ec2-9.compute-1.amazonaws.com:12345"),
                entry("spring.data.redis.ssl.enabled", "true"), entry("parley.platform.redis.verify-peer", "false"));
    }

    @Test
    void rejectsABadRedisUrlWithoutThePassword() {
        for (String bad : new String[] { "http://:hunter2@h:1", "rediss://:hunter2@:1", "redis:hunter2" }) {
            assertThatExceptionOfType(InvalidConfigVarException.class).as(bad)
                .isThrownBy(() -> translate("REDIS_URL", bad))
                .withMessageContaining("REDIS_URL")
                .withMessageNotContaining("hunter2");
        }
    }

    @Test
    void mapsAPlainKafkaUrl() {
        assertThat(translate("KAFKA_URL", "kafka://localhost:9092")).containsExactly(
                entry("spring.kafka.bootstrap-servers", "localhost:9092"));
    }

    @Test
    void mapsAHerokuKafkaUrlWithPemSsl() throws Exception {
        Map<String, Object> properties = translate("KAFKA_URL",
                "kafka+ssl://ec2-1.compute.amazonaws.com:9096, kafka+ssl://ec2-2.compute.amazonaws.com:9096",
                "KAFKA_TRUSTED_CERT", PemKeysTests.resource("heroku/client-cert.pem"), "KAFKA_CLIENT_CERT",
                PemKeysTests.resource("heroku/client-cert.pem"), "KAFKA_CLIENT_CERT_KEY",
                PemKeysTests.resource("heroku/client-key-pkcs1.pem"), "KAFKA_PREFIX", "wisconsin-123.");

        assertThat(properties)
            .containsEntry("spring.kafka.bootstrap-servers",
                    "ec2-1.compute.amazonaws.com:9096,ec2-2.compute.amazonaws.com:9096")
            .containsEntry("spring.kafka.security.protocol", "SSL")
            .containsEntry("spring.kafka.properties.[ssl.endpoint.identification.algorithm]", "")
            .containsEntry("spring.kafka.ssl.trust-store-type", "PEM")
            .containsEntry("spring.kafka.ssl.key-store-type", "PEM")
            .containsEntry("parley.platform.kafka-prefix", "wisconsin-123.");
        assertThat((String) properties.get("spring.kafka.ssl.key-store-key"))
            .startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void producesSslSettingsThatKafkaItselfLoads() throws Exception {
        Map<String, Object> properties = translate("KAFKA_URL", "kafka+ssl://broker.example.com:9096",
                "KAFKA_TRUSTED_CERT", PemKeysTests.resource("heroku/client-cert.pem"), "KAFKA_CLIENT_CERT",
                PemKeysTests.resource("heroku/client-cert.pem").replace("\n", "\\n"), "KAFKA_CLIENT_CERT_KEY",
                PemKeysTests.resource("heroku/client-key-pkcs1.pem"));
        String[] pairs = properties.entrySet()
            .stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
            .withPropertyValues(pairs)
            .run(context -> {
                Map<String, Object> producer = context.getBean(DefaultKafkaProducerFactory.class)
                    .getConfigurationProperties();
                assertThat(producer).containsEntry("security.protocol", "SSL")
                    .containsEntry("ssl.endpoint.identification.algorithm", "")
                    .containsEntry("ssl.keystore.type", "PEM");
                // Kafka's own config parsing and PEM key store, exactly as a client would build them.
                ProducerConfig config = new ProducerConfig(withSerializers(producer));
                Map<String, Object> sslConfigs = config.values()
                    .entrySet()
                    .stream()
                    .filter(e -> e.getKey().startsWith("ssl.") && e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                try (DefaultSslEngineFactory factory = new DefaultSslEngineFactory()) {
                    factory.configure(sslConfigs);
                    assertThat(factory.sslContext()).isNotNull();
                    assertThat(factory.keystore().isKeyEntry(factory.keystore().aliases().nextElement())).isTrue();
                    assertThat(factory.truststore().size()).isEqualTo(1);
                }
            });
    }

    @Test
    void rejectsBadKafkaUrls() {
        for (String bad : new String[] { "broker:9092", "http://broker:9092", "kafka://broker",
                "kafka+ssl://a:1,kafka://b:2", "kafka://", " , " }) {
            assertThatExceptionOfType(InvalidConfigVarException.class).as(bad)
                .isThrownBy(() -> translate("KAFKA_URL", bad.isBlank() ? "," : bad))
                .withMessageContaining("KAFKA_URL");
        }
    }

    @Test
    void rejectsBadKafkaCertificatesNamingTheVariable() throws Exception {
        String cert = PemKeysTests.resource("heroku/client-cert.pem");
        String key = PemKeysTests.resource("heroku/client-key-pkcs1.pem");
        assertThatExceptionOfType(InvalidConfigVarException.class)
            .isThrownBy(() -> translate("KAFKA_URL", "kafka+ssl://b:1", "KAFKA_TRUSTED_CERT", "not a cert"))
            .withMessageContaining("KAFKA_TRUSTED_CERT");
        assertThatExceptionOfType(InvalidConfigVarException.class)
            .isThrownBy(() -> translate("KAFKA_URL", "kafka+ssl://b:1", "KAFKA_CLIENT_CERT",
                    "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", "KAFKA_CLIENT_CERT_KEY", key))
            .withMessageContaining("KAFKA_CLIENT_CERT ");
        assertThatExceptionOfType(InvalidConfigVarException.class)
            .isThrownBy(() -> translate("KAFKA_URL", "kafka+ssl://b:1", "KAFKA_CLIENT_CERT", cert))
            .withMessageContaining("KAFKA_CLIENT_CERT_KEY");
        assertThatExceptionOfType(InvalidConfigVarException.class)
            .isThrownBy(() -> translate("KAFKA_URL", "kafka+ssl://b:1", "KAFKA_CLIENT_CERT", cert,
                    "KAFKA_CLIENT_CERT_KEY", key.replace("MII", "MIX")))
            .withMessageContaining("KAFKA_CLIENT_CERT_KEY");
    }

    @Test
    void mapsRegionAndCredential() {
        assertThat(translate("PARLEY_REGION", "eu", "PARLEY_INTERNAL_CREDENTIAL", "c")).containsExactly(
                entry("parley.platform.region", "eu"), entry("parley.platform.internal-credential", "c"));
    }

    private static Map<String, Object> withSerializers(Map<String, Object> producer) {
        Map<String, Object> copy = new HashMap<>(producer);
        copy.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class);
        copy.put("value.serializer", org.apache.kafka.common.serialization.StringSerializer.class);
        return copy;
    }

    private static Map<String, Object> translate(String... nameValuePairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            env.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return HerokuConfigVars.translate(env::get);
    }

}
