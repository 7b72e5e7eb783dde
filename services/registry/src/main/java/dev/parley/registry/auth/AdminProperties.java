package dev.parley.registry.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The admin tokens the registry accepts, under {@code parley.registry.admins[i]}; checked at startup. Only SHA-256
 * hashes of the tokens are configured, so the configuration never holds a usable secret.
 *
 * @param admins one entry per token
 */
@ConfigurationProperties("parley.registry")
record AdminProperties(List<AdminToken> admins) {

    private static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    AdminProperties {
        admins = admins == null ? List.of() : admins.stream().map(AdminToken::normalised).toList();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < admins.size(); i++) {
            AdminToken admin = admins.get(i);
            String prefix = "parley.registry.admins[" + i + "].";
            if (admin.orgId() == null || !ORG_ID.matcher(admin.orgId()).matches()) {
                throw new IllegalArgumentException(prefix + "org-id must be a 15- or 18-character org id but was '"
                        + admin.orgId() + "'");
            }
            if (admin.tokenSha256() == null || !SHA256_HEX.matcher(admin.tokenSha256()).matches()) {
                // the value is not echoed: a token pasted here by mistake must not reach the logs
                throw new IllegalArgumentException(prefix + "token-sha256 must be the SHA-256 of the token as 64 hex "
                        + "characters (printf %s \"$TOKEN\" | sha256sum) but has "
                        + (admin.tokenSha256() == null ? 0 : admin.tokenSha256().length()) + " characters");
            }
            if (!hashes.add(admin.tokenSha256())) {
                throw new IllegalArgumentException(prefix + "token-sha256 repeats the hash of an earlier entry; "
                        + "one token belongs to one org");
            }
        }
    }

    /**
     * One admin token.
     *
     * @param orgId       the org the token may act for
     * @param tokenSha256 SHA-256 of the token, hex
     * @param name        who holds it, recorded on uploads and activations; defaults to {@code admin@<org id>}
     */
    record AdminToken(String orgId, String tokenSha256, String name) {

        AdminToken normalised() {
            String hash = tokenSha256 == null ? null : tokenSha256.strip().toLowerCase(Locale.ROOT);
            String who = name == null || name.isBlank() ? "admin@" + orgId : name.strip();
            return new AdminToken(orgId == null ? null : orgId.strip(), hash, who);
        }

        @Override
        public String toString() {
            return "AdminToken[orgId=" + orgId + ", name=" + name + "]";
        }
    }
}
