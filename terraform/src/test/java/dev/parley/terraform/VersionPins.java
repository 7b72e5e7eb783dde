package dev.parley.terraform;

import java.util.List;
import java.util.Map;

import org.openrewrite.hcl.tree.Expression;

import dev.parley.terraform.TerraformFiles.TerraformBlock;

import static org.assertj.core.api.Assertions.assertThat;

/** The terraform block of a configuration pins Terraform to 1.x and the Heroku provider to 5.x. */
final class VersionPins {

    private VersionPins() {
    }

    static void assertPinned(TerraformFiles files, String where) {
        List<TerraformBlock> terraform = files.blocks("terraform");
        assertThat(terraform).as("%s has one terraform block", where).hasSize(1);
        TerraformBlock block = terraform.get(0);

        assertThat(block.string("required_version")).as("%s required_version", where)
            .matches(">=\\s*1\\.\\d+(\\.\\d+)?\\s*,\\s*<\\s*2\\.0\\.0");

        List<TerraformBlock> providers = block.blocks("required_providers");
        assertThat(providers).as("%s required_providers", where).hasSize(1);
        Expression heroku = providers.get(0).attribute("heroku")
            .orElseThrow(() -> new AssertionError(where + " does not require the heroku provider"));
        Map<String, String> constraint = HclValues.stringMap(heroku);
        assertThat(constraint.get("source")).as("%s heroku provider source", where).isEqualTo("heroku/heroku");
        assertThat(constraint.get("version")).as("%s heroku provider version: any 5.x from a minimum", where)
            .matches("~>\\s*5\\.\\d+");
    }

}
