package dev.parley.terraform;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openrewrite.hcl.tree.Expression;

import dev.parley.terraform.TerraformFiles.TerraformBlock;

import static org.assertj.core.api.Assertions.assertThat;

/** Every environment stamps the same region module once per region of its list, with valid regions and names. */
class EnvironmentsTests {

    /** Heroku app names: lowercase letters, digits and dashes, starting with a letter, at most 30 characters. */
    private static final String HEROKU_APP_NAME = "[a-z][a-z0-9-]{2,29}";

    private static TerraformFiles module;

    private static ServiceCatalog catalog;

    private static List<Path> environments;

    @BeforeAll
    static void parse() {
        module = TerraformFiles.load(Repository.MODULE);
        catalog = ServiceCatalog.read(module);
        environments = Repository.environments();
    }

    @Test
    void stagingAndProdExist() {
        assertThat(environments).extracting(p -> p.getFileName().toString()).contains("staging", "prod");
    }

    @Test
    void eachEnvironmentCallsTheRegionModuleOncePerRegionOfItsList() {
        for (Path environment : environments) {
            TerraformFiles files = TerraformFiles.load(environment);
            assertThat(files.blocks("module")).as("%s module blocks", environment).singleElement().satisfies(call -> {
                assertThat(call.labels()).containsExactly("region");
                assertThat(call.string("source")).isEqualTo("../../modules/region");
                assertThat(call.text("for_each")).as("%s stamps one region per entry of local.regions", environment)
                    .hasValue("local.regions");
                assertThat(call.text("name")).hasValue("each.key");
                assertThat(call.text("heroku_region")).hasValue("each.value.heroku_region");
            });
            assertThat(regions(files)).as("%s regions", environment).isNotEmpty();
        }
    }

    @Test
    void everyEnvironmentPassesTheSameArgumentsCoveringEveryRequiredVariable() {
        Set<String> variables = new HashSet<>();
        Set<String> required = new HashSet<>();
        for (TerraformBlock variable : module.blocks("variable")) {
            variables.add(variable.labels().get(0));
            if (variable.attribute("default").isEmpty()) {
                required.add(variable.labels().get(0));
            }
        }
        Set<String> first = null;
        for (Path environment : environments) {
            TerraformBlock call = TerraformFiles.load(environment).blocks("module").get(0);
            Set<String> arguments = new TreeSet<>(call.attributeNames());
            arguments.removeAll(Set.of("source", "for_each", "providers", "depends_on", "version"));
            assertThat(variables).as("%s passes only variables the module declares", environment)
                .containsAll(arguments);
            assertThat(arguments).as("%s passes every required variable", environment).containsAll(required);
            if (first == null) {
                first = arguments;
            }
            assertThat(arguments).as("%s passes the same arguments as the other environments", environment)
                .isEqualTo(first);
            Map<String, Expression> secrets = HclValues.object(call.attribute("secrets").orElseThrow());
            Set<String> neededSecrets = new HashSet<>();
            catalog.entries().values().forEach(e -> neededSecrets.addAll(e.secrets().values()));
            assertThat(secrets.keySet()).as("%s provides every secret the catalogue names", environment)
                .containsAll(neededSecrets);
        }
    }

    @Test
    void regionsArePrivateSpaceRegionsWithDistinctNetworksAndACanary() {
        for (Path environment : environments) {
            TerraformFiles files = TerraformFiles.load(environment);
            Map<String, Map<String, String>> regions = regions(files);
            Set<String> cidrs = new HashSet<>();
            regions.forEach((name, region) -> {
                assertThat(name).as("%s region name", environment).matches("[a-z][a-z0-9]{1,5}");
                assertThat(Repository.PRIVATE_SPACE_REGIONS).as("%s region %s", environment, name)
                    .contains(region.get("heroku_region"));
                assertThat(cidrs.add(region.get("cidr"))).as("%s: %s's cidr is unique", environment, name).isTrue();
                assertThat(cidrs.add(region.get("data_cidr"))).as("%s: %s's data_cidr is unique", environment, name)
                    .isTrue();
            });
            String canary = HclValues.string(files.local("canary_region")).orElseThrow();
            assertThat(regions).as("%s canary region", environment).containsKey(canary);
        }
    }

    @Test
    void everyAppNameFitsHerokusRulesInEveryRegion() {
        Set<String> spaces = new HashSet<>();
        for (Path environment : environments) {
            TerraformFiles files = TerraformFiles.load(environment);
            String prefix = HclValues.string(files.local("app_prefix")).orElseThrow();
            assertThat(files.blocks("module").get(0).text("app_prefix"))
                .hasValue("\"${local.app_prefix}-${each.key}\"");
            for (String region : regions(files).keySet()) {
                String space = prefix + "-" + region;
                assertThat(spaces.add(space)).as("space name %s is unique across environments", space).isTrue();
                for (String service : catalog.entries().keySet()) {
                    assertThat(space + "-" + service).as("app name in %s", environment).matches(HEROKU_APP_NAME);
                }
            }
        }
    }

    @Test
    void deployTargetsAreAnOutputForBinDeploy() {
        for (Path environment : environments) {
            TerraformBlock output = TerraformFiles.load(environment).block("output", "deploy_targets");
            assertThat(RegionModuleTests.normalized(output.text("value").orElseThrow()))
                .contains("canary = local.canary_region")
                .contains("apps = region.apps")
                .contains("gateway_url = region.gateway_url");
        }
    }

    @Test
    void providerAndTerraformVersionsArePinned() {
        for (Path environment : environments) {
            VersionPins.assertPinned(TerraformFiles.load(environment), environment.toString());
        }
    }

    /** local.regions: region name => its settings (all plain strings). */
    private static Map<String, Map<String, String>> regions(TerraformFiles files) {
        Map<String, Map<String, String>> regions = new java.util.LinkedHashMap<>();
        HclValues.object(files.local("regions")).forEach((name, value) -> regions.put(name, HclValues.stringMap(value)));
        return regions;
    }

}
