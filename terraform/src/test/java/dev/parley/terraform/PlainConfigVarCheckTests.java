package dev.parley.terraform;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The plain-config-var check catches each way a secret can leak into plain config vars. */
class PlainConfigVarCheckTests {

    private static final String VARIABLES = """
            variable "credential" {
              type      = string
              sensitive = true
            }
            variable "region" {
              type = string
            }
            """;

    @Test
    void acceptsSecretsInSensitiveConfigVarsOnly() {
        TerraformFiles files = TerraformFiles.of(VARIABLES, """
                resource "heroku_app" "a" {
                  config_vars           = { PARLEY_REGION = var.region }
                  sensitive_config_vars = { PARLEY_INTERNAL_CREDENTIAL = var.credential }
                }
                resource "heroku_drain" "d" {
                  sensitive_url = var.credential
                }
                """);

        assertThat(PlainConfigVarCheck.violations(files, Map.of())).isEmpty();
    }

    @Test
    void reportsASensitiveVariableInPlainConfigVars() {
        TerraformFiles files = TerraformFiles.of(VARIABLES, """
                resource "heroku_app" "a" {
                  config_vars = merge({ X = "y" }, { PARLEY_INTERNAL = var.credential })
                }
                """);

        assertThat(PlainConfigVarCheck.violations(files, Map.of()))
            .singleElement().asString().contains("uses sensitive variable var.credential");
    }

    @Test
    void reportsASecretLookingNameInPlainVars() {
        TerraformFiles files = TerraformFiles.of(VARIABLES, """
                resource "heroku_app_config_association" "a" {
                  vars = { "PARLEY_GATEWAY_OAUTH_TOKEN_SIGNING_SECRET" = "not-so-secret" }
                }
                """);

        assertThat(PlainConfigVarCheck.violations(files, Map.of()))
            .singleElement().asString().contains("secret-looking PARLEY_GATEWAY_OAUTH_TOKEN_SIGNING_SECRET");
    }

    @Test
    void reportsSecretNamesTheCatalogueFeedsIntoPlainVars() {
        TerraformFiles files = TerraformFiles.of(VARIABLES, """
                resource "heroku_app_config_association" "a" {
                  vars = { for name, value in each.value.secrets : name => value }
                }
                """);

        assertThat(PlainConfigVarCheck.violations(files, Map.of("secrets", Set.of("SLACK_SIGNING_SECRET"))))
            .singleElement().asString().contains("SLACK_SIGNING_SECRET (catalogue field secrets)");
    }

    @Test
    void reportsCredentialsInALiteralUrlAndAPlainDrainUrl() {
        TerraformFiles files = TerraformFiles.of(VARIABLES, """
                resource "heroku_app" "a" {
                  config_vars = { UPSTREAM_URL = "https://user:hunter2@example.com/x" }
                }
                resource "heroku_drain" "d" {
                  url = "syslog+tls://logs.example.com:6514"
                }
                """);

        assertThat(PlainConfigVarCheck.violations(files, Map.of())).hasSize(2)
            .anySatisfy(v -> assertThat(v).contains("URL with credentials"))
            .anySatisfy(v -> assertThat(v).contains("use sensitive_url"));
    }

    @Test
    void reportsASecretLookingVariableThatIsNotSensitive() {
        TerraformFiles files = TerraformFiles.of("""
                variable "gateway_signing_secret" {
                  type = string
                }
                """);

        assertThat(PlainConfigVarCheck.violations(files, Map.of()))
            .singleElement().asString().contains("gateway_signing_secret looks secret but is not sensitive");
    }

    @Test
    void refusesHclThatDoesNotParse() {
        assertThatIllegalStateException().isThrownBy(() -> TerraformFiles.of("resource \"a\" {\n  x = \n}\n"))
            .withMessageContaining("HCL parse");
    }

}
