package dev.parley.terraform;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.terraform.ServiceCatalog.Entry;
import dev.parley.terraform.TerraformFiles.TerraformBlock;

import static org.assertj.core.api.Assertions.assertThat;

/** The region module stamps every service of services/ with the routing, stores and config it needs. */
class RegionModuleTests {

    private static TerraformFiles module;

    private static ServiceCatalog catalog;

    @BeforeAll
    static void parseModule() {
        module = TerraformFiles.load(Repository.MODULE);
        catalog = ServiceCatalog.read(module);
    }

    @Test
    void everyServiceDirectoryHasACatalogueEntryAndEveryEntryADirectory() {
        assertThat(Repository.serviceNames()).as("services/ directories").isNotEmpty();
        assertThat(new TreeSet<>(catalog.entries().keySet()))
            .as("local.services of modules/region/services.tf must list exactly the directories of services/")
            .containsExactlyElementsOf(Repository.serviceNames());
    }

    @Test
    void everyServiceGetsAnAppAWebFormationALogDrainAndConfigVars() {
        TerraformBlock app = module.block("resource", "heroku_app", "service");
        assertThat(app.text("for_each")).hasValue("local.services");
        assertThat(app.text("name")).hasValue("\"${var.app_prefix}-${each.key}\"");
        assertThat(app.text("space")).as("every app lives in the region's space").hasValue("heroku_space.this.name");

        TerraformBlock formation = module.block("resource", "heroku_formation", "web");
        assertThat(formation.string("type")).isEqualTo("web");
        assertThat(formation.text("for_each").map(RegionModuleTests::normalized))
            .as("one web formation per service, switched off only as a whole before the first release")
            .hasValue("{ for name, service in local.services : name => service if var.formation_enabled }");
        assertThat(formation.text("app_id")).hasValue("heroku_app.service[each.key].id");

        assertThat(module.block("resource", "heroku_drain", "service").text("for_each")).hasValue("local.services");
        assertThat(module.block("resource", "heroku_app_config_association", "service").text("for_each"))
            .hasValue("local.services");
        Map<String, ?> memory = HclValues.object(module.local("dyno_memory_mb"));
        catalog.entries().values().forEach(entry -> assertThat(memory)
            .as("dyno size of %s has a known memory size (PARLEY_JVM_MEMORY_MB)", entry.name())
            .containsKey(entry.size()));
    }

    @Test
    void internalServicesUseInternalRoutingAndPublicOnesDoNot() {
        for (Entry entry : catalog.entries().values()) {
            assertThat(entry.internal())
                .as("%s is %s", entry.name(), Repository.PUBLIC_SERVICES.contains(entry.name()) ? "public" : "internal")
                .isEqualTo(!Repository.PUBLIC_SERVICES.contains(entry.name()));
        }
        assertThat(module.block("resource", "heroku_app", "service").text("internal_routing"))
            .hasValue("each.value.internal");
    }

    @Test
    void eachStoreHasOneOwnerAndOnlyKafkaIsShared() {
        assertFilter("database_owners", "service.database");
        assertFilter("redis_owners", "service.redis");
        assertFilter("kafka_attached", "service.kafka && name != local.kafka_owner");

        for (String store : List.of("database", "redis")) {
            TerraformBlock addon = module.block("resource", "heroku_addon", store);
            assertThat(addon.text("for_each")).hasValue("local." + store + "_owners");
            assertThat(addon.text("app_id")).as("the %s add-on lives on its owner's app", store)
                .hasValue("heroku_app.service[each.key].id");
        }
        TerraformBlock kafka = module.block("resource", "heroku_addon", "kafka");
        assertThat(kafka.attribute("for_each")).as("one Kafka per region").isEmpty();
        assertThat(kafka.text("app_id")).hasValue("heroku_app.service[local.kafka_owner].id");
        assertThat(catalog.entries()).containsKey(catalog.kafkaOwner());
        assertThat(catalog.entries().get(catalog.kafkaOwner()).kafka()).as("the Kafka owner uses Kafka").isTrue();

        List<TerraformBlock> attachments = module.blocks("resource").stream()
            .filter(r -> r.labels().get(0).equals("heroku_addon_attachment"))
            .toList();
        assertThat(attachments).as("only Kafka is attached beyond its owner").singleElement().satisfies(a -> {
            assertThat(a.text("addon_id")).hasValue("heroku_addon.kafka.id");
            assertThat(a.text("for_each")).hasValue("local.kafka_attached");
            assertThat(a.string("name")).as("attachment name gives KAFKA_URL and the KAFKA_* certs").isEqualTo("KAFKA");
        });
    }

    @Test
    void servicesGetTheStoresTheirBuildsUse() {
        for (Entry entry : catalog.entries().values()) {
            Set<String> dependencies = Repository.dependencies(entry.name());
            if (dependencies.contains("postgresql") || dependencies.contains("spring-boot-starter-jdbc")
                    || dependencies.contains("spring-boot-starter-data-jpa")) {
                assertThat(entry.database()).as("%s uses PostgreSQL: it must own a database", entry.name()).isTrue();
            }
            if (dependencies.contains("spring-boot-starter-data-redis")) {
                assertThat(entry.redis()).as("%s uses Redis: it must own one", entry.name()).isTrue();
            }
            if (dependencies.contains("spring-boot-starter-kafka") || dependencies.contains("spring-kafka")) {
                assertThat(entry.kafka()).as("%s uses Kafka: it must be attached", entry.name()).isTrue();
            }
        }
    }

    @Test
    void catalogueUrlsPointAtServicesAndSecretsGoToSensitiveConfigVars() {
        for (Entry entry : catalog.entries().values()) {
            assertThat(catalog.entries().keySet()).as("services %s calls", entry.name())
                .containsAll(entry.calls().values());
            assertThat(entry.publicUrls().values()).as("public URLs %s holds", entry.name())
                .allSatisfy(target -> assertThat(catalog.entries().get(target).internal()).isFalse());
            assertThat(entry.calls().keySet()).allMatch(name -> name.matches("[A-Z][A-Z0-9_]*_URL"));
        }
        TerraformBlock config = module.block("resource", "heroku_app_config_association", "service");
        String plain = normalized(config.text("vars").orElseThrow());
        String sensitive = normalized(config.text("sensitive_vars").orElseThrow());
        assertThat(plain).contains("PARLEY_REGION = var.name")
            .contains("PARLEY_JVM_MEMORY_MB = tostring(local.dyno_memory_mb[local.formation_sizes[each.key]])")
            .contains("in each.value.calls :")
            .contains("in each.value.public_urls :")
            .doesNotContain("each.value.secrets");
        assertThat(sensitive).contains("PARLEY_INTERNAL_CREDENTIAL = var.internal_credential")
            .contains("in each.value.secrets : config_var => var.secrets[secret]");
    }

    @Test
    void noSecretIsAPlainConfigVar() {
        assertThat(PlainConfigVarCheck.violations(module, catalogueKeys())).isEmpty();
        for (var environment : Repository.environments()) {
            assertThat(PlainConfigVarCheck.violations(TerraformFiles.load(environment), Map.of()))
                .as("%s", environment)
                .isEmpty();
        }
    }

    @Test
    void regionVariableAcceptsExactlyThePrivateSpaceRegions() {
        TerraformBlock variable = module.block("variable", "heroku_region");
        String condition = variable.blocks("validation").get(0).text("condition").orElseThrow();
        Set<String> listed = new HashSet<>();
        Matcher quoted = Pattern.compile("\"([a-z]+)\"").matcher(condition);
        while (quoted.find()) {
            listed.add(quoted.group(1));
        }
        assertThat(listed).isEqualTo(Repository.PRIVATE_SPACE_REGIONS);
        assertThat(module.block("resource", "heroku_space", "this").text("region")).hasValue("var.heroku_region");
    }

    @Test
    void providerAndTerraformVersionsArePinned() {
        VersionPins.assertPinned(module, "modules/region");
    }

    /** Config var names per catalogue field, for the plain-config-var check. */
    static Map<String, Set<String>> catalogueKeys() {
        return Map.of(
                "calls", keys(catalog, Entry::calls),
                "public_urls", keys(catalog, Entry::publicUrls),
                "secrets", keys(catalog, Entry::secrets));
    }

    private static Set<String> keys(ServiceCatalog catalog, java.util.function.Function<Entry, Map<String, String>> field) {
        return catalog.entries().values().stream()
            .flatMap(e -> field.apply(e).keySet().stream())
            .collect(Collectors.toSet());
    }

    private static void assertFilter(String local, String condition) {
        assertThat(normalized(module.localText(local)))
            .isEqualTo("{ for name, service in local.services : name => service if " + condition + " }");
    }

    static String normalized(String hcl) {
        return hcl.strip().replaceAll("\\s+", " ");
    }

}
