package dev.parley.buildpackci.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.buildpackci.deploy.DeployTargets.RegionTarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Deploy targets read from Terraform's deploy_targets output, and their consistency checks. */
class DeployTargetsTests {

    @TempDir
    Path directory;

    @Test
    void readsTheTerraformOutput() throws Exception {
        Path file = Files.writeString(this.directory.resolve("targets.json"), """
                {
                  "canary": "eu1",
                  "environment": "staging",
                  "order": ["eu1", "us1"],
                  "regions": {
                    "eu1": {
                      "apps": { "gateway": "parley-s-eu1-gateway", "runtime": "parley-s-eu1-runtime" },
                      "gateway_url": "https://eu1.gateway.staging.parley.dev"
                    },
                    "us1": {
                      "apps": { "gateway": "parley-s-us1-gateway", "runtime": "parley-s-us1-runtime" },
                      "gateway_url": "https://us1.gateway.staging.parley.dev"
                    }
                  }
                }
                """);

        DeployTargets targets = DeployTargets.read(file);

        assertThat(targets.environment()).isEqualTo("staging");
        assertThat(targets.order()).containsExactly("eu1", "us1");
        assertThat(targets.region("us1").gatewayUrl()).isEqualTo("https://us1.gateway.staging.parley.dev");
        assertThat(targets.region("eu1").apps()).containsEntry("runtime", "parley-s-eu1-runtime");
    }

    @Test
    void theCanaryGoesFirstAndEveryRegionExactlyOnce() {
        Map<String, RegionTarget> regions = Map.of("eu1", region(), "us1", region());

        assertThat(new DeployTargets("e", "us1", null, regions).order()).containsExactly("us1", "eu1");
        assertThatExceptionOfType(InvalidDeployTargetsException.class)
            .isThrownBy(() -> new DeployTargets("e", "us1", List.of("eu1", "us1"), regions))
            .withMessageContaining("must start with the canary us1");
        assertThatExceptionOfType(InvalidDeployTargetsException.class)
            .isThrownBy(() -> new DeployTargets("e", "eu1", List.of("eu1"), regions))
            .withMessageContaining("must list each region");
        assertThatExceptionOfType(InvalidDeployTargetsException.class)
            .isThrownBy(() -> new DeployTargets("e", "eu1", null, regions).region("ap1"))
            .withMessageContaining("no region ap1");
        assertThatExceptionOfType(InvalidDeployTargetsException.class)
            .isThrownBy(() -> new DeployTargets("e", "eu1", null, Map.of("eu1", new RegionTarget(Map.of(), null))))
            .withMessageContaining("region eu1 has no apps");
    }

    @Test
    void aMissingFileSaysHowToMakeIt() {
        assertThatExceptionOfType(InvalidDeployTargetsException.class)
            .isThrownBy(() -> DeployTargets.read(this.directory.resolve("none.json")))
            .withMessageContaining("output -json deploy_targets");
    }

    private static RegionTarget region() {
        return new RegionTarget(Map.of("gateway", "g"), "https://g");
    }

}
