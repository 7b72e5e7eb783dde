package dev.parley.registry.bots;

import dev.parley.registry.api.ActiveVersion;
import dev.parley.registry.api.BotDiagnostic;
import dev.parley.registry.api.StoredFile;
import dev.parley.registry.upload.UploadedFile;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** {@link BotStore} on PostgreSQL with {@link JdbcClient}. */
@Repository
class JdbcBotStore implements BotStore {

    private static final TypeReference<List<BotDiagnostic>> DIAGNOSTICS = new TypeReference<>() {
    };

    private static final String BOT_COLUMNS = """
            b.id, b.org_id, b.api_name, b.label, b.latest_version_number, b.active_version_id,
            (SELECT v.version_number FROM bot_versions v WHERE v.id = b.active_version_id) AS active_version_number,
            b.created_at, b.created_by
            """;

    private static final String VERSION_COLUMNS = """
            id, bot_id, org_id, version_number, bot_version_name, label, content_hash, upload_form, original_name,
            diagnostics, warnings, created_at, created_by
            """;

    private static final String ACTIVATIONS_FROM = """
            a.version_id, v.version_number, a.previous_version_id, p.version_number AS previous_version_number,
            a.action, a.activated_at, a.activated_by
            FROM bot_activations a
            JOIN bot_versions v ON v.id = a.version_id
            LEFT JOIN bot_versions p ON p.id = a.previous_version_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<BotRow> botRows = (rs, n) -> new BotRow(rs.getString("id"), rs.getString("org_id"),
            rs.getString("api_name"), rs.getString("label"), rs.getInt("latest_version_number"),
            rs.getString("active_version_id"), (Integer) rs.getObject("active_version_number"),
            instant(rs, "created_at"), rs.getString("created_by"));
    private final RowMapper<ActivationRow> activationRows = (rs, n) -> new ActivationRow(rs.getString("version_id"),
            rs.getInt("version_number"), rs.getString("previous_version_id"),
            (Integer) rs.getObject("previous_version_number"), rs.getString("action"), instant(rs, "activated_at"),
            rs.getString("activated_by"));

    JdbcBotStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public BotRow lockOrCreate(String newId, String orgId, String apiName, String label, Instant now, String by) {
        jdbc.sql("""
                INSERT INTO bots (id, org_id, api_name, label, created_at, created_by)
                VALUES (:id, :org, :name, :label, :now, :by)
                ON CONFLICT (org_id, api_name) DO NOTHING
                """)
                .param("id", newId).param("org", orgId).param("name", apiName).param("label", label)
                .param("now", timestamp(now)).param("by", by)
                .update();
        return jdbc.sql("SELECT " + BOT_COLUMNS
                        + " FROM bots b WHERE b.org_id = :org AND b.api_name = :name FOR UPDATE")
                .param("org", orgId).param("name", apiName)
                .query(botRows).single();
    }

    @Override
    public Optional<BotRow> lock(String orgId, String botId) {
        return jdbc.sql("SELECT " + BOT_COLUMNS + " FROM bots b WHERE b.org_id = :org AND b.id = :id FOR UPDATE")
                .param("org", orgId).param("id", botId)
                .query(botRows).optional();
    }

    @Override
    public Optional<BotRow> find(String orgId, String botId) {
        return jdbc.sql("SELECT " + BOT_COLUMNS + " FROM bots b WHERE b.org_id = :org AND b.id = :id")
                .param("org", orgId).param("id", botId)
                .query(botRows).optional();
    }

    @Override
    public List<BotRow> findAll(String orgId) {
        return jdbc.sql("SELECT " + BOT_COLUMNS + " FROM bots b WHERE b.org_id = :org ORDER BY b.api_name")
                .param("org", orgId)
                .query(botRows).list();
    }

    @Override
    public Optional<VersionRow> findVersion(String orgId, String botId, String versionId) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS
                        + " FROM bot_versions WHERE org_id = :org AND bot_id = :bot AND id = :id")
                .param("org", orgId).param("bot", botId).param("id", versionId)
                .query(this::version).optional();
    }

    @Override
    public Optional<VersionRow> findVersionByContent(String botId, String contentHash) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM bot_versions WHERE bot_id = :bot AND content_hash = :hash")
                .param("bot", botId).param("hash", contentHash)
                .query(this::version).optional();
    }

    @Override
    public List<VersionRow> findVersions(String orgId, String botId) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS
                        + " FROM bot_versions WHERE org_id = :org AND bot_id = :bot ORDER BY version_number DESC")
                .param("org", orgId).param("bot", botId)
                .query(this::version).list();
    }

    @Override
    public void insertVersion(VersionRow v, List<UploadedFile> files, byte[] originalZip) {
        jdbc.sql("""
                INSERT INTO bot_versions (id, bot_id, org_id, version_number, bot_version_name, label, content_hash,
                    upload_form, original_name, original_zip, diagnostics, warnings, created_at, created_by)
                VALUES (:id, :bot, :org, :number, :versionName, :label, :hash, :form, :originalName, :zip,
                    CAST(:diagnostics AS jsonb), :warnings, :at, :by)
                """)
                .param("id", v.id()).param("bot", v.botId()).param("org", v.orgId())
                .param("number", v.versionNumber()).param("versionName", v.botVersionName()).param("label", v.label())
                .param("hash", v.contentHash()).param("form", v.uploadForm()).param("originalName", v.originalName())
                .param("zip", originalZip).param("diagnostics", json.writeValueAsString(v.diagnostics()))
                .param("warnings", v.warnings()).param("at", timestamp(v.createdAt())).param("by", v.createdBy())
                .update();
        for (int i = 0; i < files.size(); i++) {
            UploadedFile file = files.get(i);
            jdbc.sql("""
                    INSERT INTO bot_version_files (version_id, position, name, parsed, content)
                    VALUES (:version, :position, :name, :parsed, :content)
                    """)
                    .param("version", v.id()).param("position", i).param("name", file.name())
                    .param("parsed", file.parsed()).param("content", file.content())
                    .update();
        }
        jdbc.sql("UPDATE bots SET latest_version_number = :number, label = :label WHERE id = :bot")
                .param("number", v.versionNumber()).param("label", v.label()).param("bot", v.botId())
                .update();
    }

    @Override
    public List<StoredFile> fileInfos(String versionId) {
        return jdbc.sql("""
                SELECT name, octet_length(content) AS size, parsed FROM bot_version_files
                WHERE version_id = :version ORDER BY position
                """)
                .param("version", versionId)
                .query((rs, n) -> new StoredFile(rs.getString("name"), rs.getLong("size"), rs.getBoolean("parsed")))
                .list();
    }

    @Override
    public List<UploadedFile> files(String versionId, boolean parsedOnly) {
        return jdbc.sql("SELECT name, content, parsed FROM bot_version_files WHERE version_id = :version"
                        + (parsedOnly ? " AND parsed" : "") + " ORDER BY position")
                .param("version", versionId)
                .query((rs, n) -> new UploadedFile(rs.getString("name"), rs.getBytes("content"),
                        rs.getBoolean("parsed")))
                .list();
    }

    @Override
    public Optional<byte[]> originalZip(String versionId) {
        return jdbc.sql("SELECT original_zip FROM bot_versions WHERE id = :id AND original_zip IS NOT NULL")
                .param("id", versionId)
                .query((rs, n) -> rs.getBytes("original_zip")).optional();
    }

    @Override
    public void activate(String orgId, String botId, String versionId, String previousVersionId, String action,
            Instant at, String by) {
        jdbc.sql("UPDATE bots SET active_version_id = :version WHERE id = :bot AND org_id = :org")
                .param("version", versionId).param("bot", botId).param("org", orgId)
                .update();
        jdbc.sql("""
                INSERT INTO bot_activations (bot_id, org_id, version_id, previous_version_id, action, activated_at,
                    activated_by)
                VALUES (:bot, :org, :version, :previous, :action, :at, :by)
                """)
                .param("bot", botId).param("org", orgId).param("version", versionId)
                .param("previous", previousVersionId).param("action", action).param("at", timestamp(at))
                .param("by", by)
                .update();
    }

    @Override
    public List<ActivationRow> activations(String botId) {
        return jdbc.sql("SELECT " + ACTIVATIONS_FROM + " WHERE a.bot_id = :bot ORDER BY a.id DESC")
                .param("bot", botId)
                .query(activationRows).list();
    }

    @Override
    public Optional<ActivationRow> lastActivationOf(String versionId) {
        return jdbc.sql("SELECT " + ACTIVATIONS_FROM + " WHERE a.version_id = :version ORDER BY a.id DESC LIMIT 1")
                .param("version", versionId)
                .query(activationRows).optional();
    }

    @Override
    public List<ActiveVersion> activeVersions() {
        return jdbc.sql("""
                SELECT b.org_id, b.id AS bot_id, b.api_name, v.id AS version_id, v.version_number, v.content_hash,
                    (SELECT max(a.activated_at) FROM bot_activations a
                     WHERE a.bot_id = b.id AND a.version_id = v.id) AS activated_at
                FROM bots b JOIN bot_versions v ON v.id = b.active_version_id
                ORDER BY b.org_id, b.id
                """)
                .query((rs, n) -> new ActiveVersion(rs.getString("org_id"), rs.getString("bot_id"),
                        rs.getString("api_name"), rs.getString("version_id"), rs.getInt("version_number"),
                        rs.getString("content_hash"), instant(rs, "activated_at")))
                .list();
    }

    private VersionRow version(ResultSet rs, int n) throws SQLException {
        return new VersionRow(rs.getString("id"), rs.getString("bot_id"), rs.getString("org_id"),
                rs.getInt("version_number"), rs.getString("bot_version_name"), rs.getString("label"),
                rs.getString("content_hash"), rs.getString("upload_form"), rs.getString("original_name"),
                json.readValue(rs.getString("diagnostics"), DIAGNOSTICS), rs.getInt("warnings"),
                instant(rs, "created_at"), rs.getString("created_by"));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
