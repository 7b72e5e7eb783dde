package dev.parley.callout.endpoint;

import dev.parley.callout.api.EndpointAuthentication;
import dev.parley.callout.api.EndpointConfig;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@link EndpointStore} in PostgreSQL table {@code callout_endpoint}. */
@Repository
class JdbcEndpointStore implements EndpointStore {

    private static final TypeReference<Map<String, String>> SECRETS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcEndpointStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<EndpointConfig> find(String orgId, String name) {
        return jdbc.sql("select config, secrets, version, updated_at from callout_endpoint where org_id = ? and name = ?")
                .params(orgId, name)
                .query(this::row)
                .optional();
    }

    @Override
    public OptionalLong version(String orgId, String name) {
        return jdbc.sql("select version from callout_endpoint where org_id = ? and name = ?")
                .params(orgId, name)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    @Override
    public List<EndpointConfig> list(String orgId) {
        return jdbc.sql("select config, '{}'::jsonb as secrets, version, updated_at from callout_endpoint "
                        + "where org_id = ? order by name")
                .param(orgId)
                .query(this::row)
                .list();
    }

    @Override
    @Transactional
    public Saved save(String orgId, EndpointConfig endpoint) {
        String config = json.writeValueAsString(withoutSecrets(endpoint));
        String secrets = json.writeValueAsString(secrets(endpoint.authentication()));
        List<Boolean> written = jdbc.sql("""
                insert into callout_endpoint (org_id, name, kind, config, secrets, version)
                values (?, ?, ?, ?::jsonb, ?::jsonb, 1)
                on conflict (org_id, name) do update
                   set kind = excluded.kind, config = excluded.config, secrets = excluded.secrets,
                       version = callout_endpoint.version + 1, updated_at = now()
                 where callout_endpoint.config is distinct from excluded.config
                    or callout_endpoint.secrets is distinct from excluded.secrets
                returning (xmax = 0) as created
                """)
                .params(orgId, endpoint.name(), endpoint.kind(), config, secrets)
                .query(Boolean.class)
                .list();
        EndpointConfig stored = find(orgId, endpoint.name()).orElseThrow();
        return new Saved(stored, !written.isEmpty() && written.getFirst(), !written.isEmpty());
    }

    @Override
    public boolean delete(String orgId, String name) {
        return jdbc.sql("delete from callout_endpoint where org_id = ? and name = ?").params(orgId, name).update() > 0;
    }

    private EndpointConfig row(ResultSet rs, int rowNum) throws SQLException {
        EndpointConfig config = json.readValue(rs.getString("config"), EndpointConfig.class);
        Map<String, String> secrets = json.readValue(rs.getString("secrets"), SECRETS);
        Timestamp updatedAt = rs.getTimestamp("updated_at");
        EndpointAuthentication auth = config.authentication();
        if (auth != null && !secrets.isEmpty()) {
            auth = new EndpointAuthentication(auth.type(), secrets.get("token"), auth.consumerKey(), auth.username(),
                    secrets.get("privateKey"), auth.tokenUrl(), auth.audience(), auth.clientId(),
                    secrets.get("clientSecret"), auth.secretConfigured());
        }
        return new EndpointConfig(config.name(), config.kind(), config.baseUrl(), auth, config.http(),
                config.apexPath(), config.flowName(), config.soqlTemplate(), config.outputs(),
                config.idempotencyKeyHeader(), config.timeouts(), config.retry(), config.circuitBreaker(),
                config.bulkhead(), config.maxResponseBytes(), config.allowPrivateNetwork(), config.allowHttp(),
                rs.getLong("version"), updatedAt.toInstant().toString());
    }

    /** The configuration as answered to admins: secrets out, {@code secretConfigured} telling whether one is set. */
    static EndpointConfig withoutSecrets(EndpointConfig e) {
        EndpointAuthentication a = e.authentication();
        EndpointAuthentication stripped = a == null ? null
                : new EndpointAuthentication(a.type(), null, a.consumerKey(), a.username(), null, a.tokenUrl(),
                        a.audience(), a.clientId(), null,
                        a.token() != null || a.privateKey() != null || a.clientSecret() != null
                                || Boolean.TRUE.equals(a.secretConfigured()));
        return new EndpointConfig(e.name(), e.kind(), e.baseUrl(), stripped, e.http(), e.apexPath(), e.flowName(),
                e.soqlTemplate(), e.outputs(), e.idempotencyKeyHeader(), e.timeouts(), e.retry(), e.circuitBreaker(),
                e.bulkhead(), e.maxResponseBytes(), e.allowPrivateNetwork(), e.allowHttp(), e.version(), e.updatedAt());
    }

    private static Map<String, String> secrets(EndpointAuthentication a) {
        Map<String, String> secrets = new LinkedHashMap<>();
        if (a != null) {
            putIfSet(secrets, "token", a.token());
            putIfSet(secrets, "privateKey", a.privateKey());
            putIfSet(secrets, "clientSecret", a.clientSecret());
        }
        return secrets;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
