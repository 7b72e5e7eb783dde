package dev.parley.platform.heroku;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.util.StringUtils;

/**
 * Translates Heroku config vars ({@code PORT}, {@code DATABASE_URL}, {@code REDIS_URL}, {@code KAFKA_URL} and friends)
 * into the Spring Boot properties the normal auto-configuration reads. Pure: takes a lookup, returns properties.
 */
final class HerokuConfigVars {

    static final String PORT = "PORT";
    static final String DATABASE_URL = "DATABASE_URL";
    static final String DATABASE_SSLMODE = "PARLEY_DATABASE_SSLMODE";
    static final String REDIS_URL = "REDIS_URL";
    static final String KAFKA_URL = "KAFKA_URL";
    static final String KAFKA_TRUSTED_CERT = "KAFKA_TRUSTED_CERT";
    static final String KAFKA_CLIENT_CERT = "KAFKA_CLIENT_CERT";
    static final String KAFKA_CLIENT_CERT_KEY = "KAFKA_CLIENT_CERT_KEY";
    static final String KAFKA_PREFIX = "KAFKA_PREFIX";
    static final String REGION = "PARLEY_REGION";
    static final String INTERNAL_CREDENTIAL = "PARLEY_INTERNAL_CREDENTIAL";

    /** Every variable read, in the order they are documented. */
    static final List<String> VARIABLES = List.of(PORT, DATABASE_URL, DATABASE_SSLMODE, REDIS_URL, KAFKA_URL,
            KAFKA_TRUSTED_CERT, KAFKA_CLIENT_CERT, KAFKA_CLIENT_CERT_KEY, KAFKA_PREFIX, REGION, INTERNAL_CREDENTIAL);

    /** Set to false for a {@code rediss://} REDIS_URL: Heroku Redis presents a self-signed certificate. */
    static final String REDIS_VERIFY_PEER = "parley.platform.redis.verify-peer";

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");

    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.-]+:[0-9]{1,5}");

    private HerokuConfigVars() {
    }

    /**
     * Returns the Spring properties implied by the config vars {@code env} knows; absent or blank vars imply nothing.
     * @throws InvalidConfigVarException naming the first malformed variable
     */
    static Map<String, Object> translate(Function<String, String> env) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String port = value(env, PORT);
        if (port != null) {
            properties.put("server.port", port(port));
        }
        String databaseUrl = value(env, DATABASE_URL);
        String sslMode = value(env, DATABASE_SSLMODE);
        if (sslMode != null && !SSL_MODES.contains(sslMode)) {
            throw new InvalidConfigVarException(DATABASE_SSLMODE,
                    "must be one of " + new TreeSet<>(SSL_MODES) + ", was '" + sslMode + "'");
        }
        if (databaseUrl != null) {
            database(databaseUrl, sslMode, properties);
        }
        String redisUrl = value(env, REDIS_URL);
        if (redisUrl != null) {
            redis(redisUrl, properties);
        }
        String kafkaUrl = value(env, KAFKA_URL);
        if (kafkaUrl != null) {
            kafka(kafkaUrl, env, properties);
        }
        String kafkaPrefix = value(env, KAFKA_PREFIX);
        if (kafkaPrefix != null) {
            properties.put("parley.platform.kafka-prefix", kafkaPrefix);
        }
        String region = value(env, REGION);
        if (region != null) {
            properties.put("parley.platform.region", region);
        }
        String credential = value(env, INTERNAL_CREDENTIAL);
        if (credential != null) {
            properties.put("parley.platform.internal-credential", credential);
        }
        return properties;
    }

    private static String value(Function<String, String> env, String name) {
        String value = env.apply(name);
        return (value == null || value.isBlank()) ? null : value.strip();
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw new InvalidConfigVarException(PORT, "must be a port number from 1 to 65535, was '" + value + "'");
    }

    private static void database(String value, String sslModeOverride, Map<String, Object> properties) {
        URI uri = uri(DATABASE_URL, value);
        String scheme = lower(uri.getScheme());
        if (!"postgres".equals(scheme) && !"postgresql".equals(scheme)) {
            throw new InvalidConfigVarException(DATABASE_URL,
                    "scheme must be postgres:// or postgresql://, was '" + scheme + "'");
        }
        String host = host(DATABASE_URL, uri);
        int port = (uri.getPort() == -1) ? 5432 : uri.getPort();
        String path = uri.getRawPath();
        if (path == null || path.length() < 2 || path.indexOf('/', 1) != -1) {
            throw new InvalidConfigVarException(DATABASE_URL, "must name one database, as in postgres://host/db");
        }
        List<String> query = new ArrayList<>();
        String sslMode = null;
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                if (parameter.startsWith("sslmode=")) {
                    sslMode = parameter.substring("sslmode=".length());
                }
                else if (!parameter.isEmpty()) {
                    query.add(parameter);
                }
            }
        }
        if (sslModeOverride != null) {
            sslMode = sslModeOverride;
        }
        else if (sslMode == null && !LOCAL_HOSTS.contains(lower(host))) {
            sslMode = "require";
        }
        if (sslMode != null) {
            query.add("sslmode=" + sslMode);
        }
        properties.put("spring.datasource.url", "jdbc:postgresql://" + host + ":" + port + path
                + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String user = (colon == -1) ? userInfo : userInfo.substring(0, colon);
            properties.put("spring.datasource.username", decode(DATABASE_URL, user));
            if (colon != -1) {
                properties.put("spring.datasource.password", decode(DATABASE_URL, userInfo.substring(colon + 1)));
            }
        }
    }

    private static void redis(String value, Map<String, Object> properties) {
        URI uri = uri(REDIS_URL, value);
        String scheme = lower(uri.getScheme());
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw new InvalidConfigVarException(REDIS_URL, "scheme must be redis:// or rediss://, was '" + scheme + "'");
        }
        host(REDIS_URL, uri);
        properties.put("spring.data.redis.url", value);
        if ("rediss".equals(scheme)) {
            properties.put("spring.data.redis.ssl.enabled", "true");
            properties.put(REDIS_VERIFY_PEER, "false");
        }
    }

    private static void kafka(String value, Function<String, String> env, Map<String, Object> properties) {
        List<String> servers = new ArrayList<>();
        String scheme = null;
        for (String entry : value.split(",")) {
            String broker = entry.strip();
            if (broker.isEmpty()) {
                continue;
            }
            int separator = broker.indexOf("://");
            if (separator == -1) {
                throw new InvalidConfigVarException(KAFKA_URL,
                        "each broker must look like kafka+ssl://host:port or kafka://host:port");
            }
            String brokerScheme = lower(broker.substring(0, separator));
            if (!"kafka".equals(brokerScheme) && !"kafka+ssl".equals(brokerScheme)) {
                throw new InvalidConfigVarException(KAFKA_URL,
                        "scheme must be kafka+ssl:// or kafka://, was '" + brokerScheme + "'");
            }
            if (scheme != null && !scheme.equals(brokerScheme)) {
                throw new InvalidConfigVarException(KAFKA_URL, "mixes kafka:// and kafka+ssl:// brokers");
            }
            scheme = brokerScheme;
            String hostPort = broker.substring(separator + 3);
            if (hostPort.endsWith("/")) {
                hostPort = hostPort.substring(0, hostPort.length() - 1);
            }
            if (!HOST_PORT.matcher(hostPort).matches()) {
                throw new InvalidConfigVarException(KAFKA_URL, "broker '" + hostPort + "' is not host:port");
            }
            servers.add(hostPort);
        }
        if (servers.isEmpty()) {
            throw new InvalidConfigVarException(KAFKA_URL, "lists no broker");
        }
        properties.put("spring.kafka.bootstrap-servers", String.join(",", servers));
        if ("kafka+ssl".equals(scheme)) {
            properties.put("spring.kafka.security.protocol", "SSL");
            // Heroku's broker certificates do not name the broker hosts.
            properties.put("spring.kafka.properties.[ssl.endpoint.identification.algorithm]", "");
            String trusted = pem(env, KAFKA_TRUSTED_CERT);
            if (trusted != null) {
                checkCertificates(KAFKA_TRUSTED_CERT, trusted);
                properties.put("spring.kafka.ssl.trust-store-type", "PEM");
                properties.put("spring.kafka.ssl.trust-store-certificates", trusted);
            }
            String clientCert = pem(env, KAFKA_CLIENT_CERT);
            String clientKey = pem(env, KAFKA_CLIENT_CERT_KEY);
            if ((clientCert == null) != (clientKey == null)) {
                String missing = (clientCert == null) ? KAFKA_CLIENT_CERT : KAFKA_CLIENT_CERT_KEY;
                throw new InvalidConfigVarException(missing, "is required together with "
                        + ((clientCert == null) ? KAFKA_CLIENT_CERT_KEY : KAFKA_CLIENT_CERT));
            }
            if (clientCert != null) {
                checkCertificates(KAFKA_CLIENT_CERT, clientCert);
                properties.put("spring.kafka.ssl.key-store-type", "PEM");
                properties.put("spring.kafka.ssl.key-store-certificate-chain", clientCert);
                properties.put("spring.kafka.ssl.key-store-key", PemKeys.toPkcs8Pem(KAFKA_CLIENT_CERT_KEY, clientKey));
            }
        }
    }

    /** Reads a PEM var; some tools store it with literal {@code \n} instead of newlines. */
    private static String pem(Function<String, String> env, String name) {
        String value = value(env, name);
        return (value == null) ? null : value.replace("\\n", "\n").replace("\r\n", "\n") + "\n";
    }

    private static void checkCertificates(String variable, String pem) {
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new InvalidConfigVarException(variable, "not a PEM certificate (no BEGIN CERTIFICATE line)");
        }
        try {
            CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (CertificateException ex) {
            throw new InvalidConfigVarException(variable, "the PEM certificates do not parse");
        }
    }

    /** Parses without ever putting the value (which may hold a password) into an exception message. */
    private static URI uri(String variable, String value) {
        try {
            return new URI(value);
        }
        catch (URISyntaxException ex) {
            throw new InvalidConfigVarException(variable, "not a valid URL (character " + ex.getIndex()
                    + ": " + ex.getReason() + "); percent-encode special characters in the password");
        }
    }

    private static String host(String variable, URI uri) {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new InvalidConfigVarException(variable, "has no host");
        }
        return host;
    }

    private static String decode(String variable, String value) {
        try {
            return StringUtils.uriDecode(value, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidConfigVarException(variable, "user name or password has an invalid %-escape");
        }
    }

    private static String lower(String value) {
        return (value == null) ? null : value.toLowerCase(Locale.ROOT);
    }

}
