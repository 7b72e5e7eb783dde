package dev.parley.registry.auth;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminAuthenticationTests {

    private static final String ORG = "00D000000000001AAA";

    @Test
    void aTokenIsMatchedByItsHashToItsOrg() {
        AdminAuthenticator authenticator = new AdminAuthenticator(new AdminProperties(List.of(
                token("00D000000000002AAA", "other-token", "bob"), token(ORG, "secret-token", null))));

        assertThat(authenticator.authenticate("secret-token")).contains(new Admin(ORG, "admin@" + ORG));
        assertThat(authenticator.authenticate("other-token")).get().extracting(Admin::name).isEqualTo("bob");
        assertThat(authenticator.authenticate("secret-token ")).isEmpty();
        assertThat(authenticator.authenticate("")).isEmpty();
        assertThat(authenticator.authenticate(null)).isEmpty();
    }

    @Test
    void badSettingsAreRefusedWithoutEchoingTheHash() {
        assertThatThrownBy(() -> new AdminProperties(List.of(new AdminProperties.AdminToken(ORG, "abc", null))))
                .hasMessageContaining("parley.registry.admins[0].token-sha256").hasMessageContaining("3 characters")
                .hasMessageNotContaining("abc");
        assertThatThrownBy(() -> new AdminProperties(List.of(token("not-an-org", "t", null))))
                .hasMessageContaining("parley.registry.admins[0].org-id").hasMessageContaining("not-an-org");
        assertThatThrownBy(() -> new AdminProperties(List.of(token(ORG, "t", null), token(ORG, "t", null))))
                .hasMessageContaining("admins[1].token-sha256 repeats");
    }

    @Test
    void onlyBearerCredentialsAreTokens() {
        assertThat(AdminAuthFilter.bearerToken("Bearer abc")).isEqualTo("abc");
        assertThat(AdminAuthFilter.bearerToken("bearer  abc ")).isEqualTo("abc");
        assertThat(AdminAuthFilter.bearerToken("Basic abc")).isNull();
        assertThat(AdminAuthFilter.bearerToken("Bearer ")).isNull();
        assertThat(AdminAuthFilter.bearerToken(null)).isNull();
    }

    @Test
    void thePathsFirstSegmentIsReadDecodedWithoutParameters() {
        assertThat(AdminAuthFilter.firstSegment("//Internal;x/v1")).isEqualTo("internal");
        assertThat(AdminAuthFilter.firstSegment("/%61ctuator/health")).isEqualTo("actuator");
        assertThat(AdminAuthFilter.firstSegment("/admin/v1")).isEqualTo("admin");
        assertThat(AdminAuthFilter.firstSegment("/")).isEmpty();
        assertThat(AdminAuthFilter.firstSegment("/%zz")).isNull();
    }

    private static AdminProperties.AdminToken token(String org, String token, String name) {
        return new AdminProperties.AdminToken(org, HexFormat.of().formatHex(AdminAuthenticator.sha256(token)), name);
    }
}
