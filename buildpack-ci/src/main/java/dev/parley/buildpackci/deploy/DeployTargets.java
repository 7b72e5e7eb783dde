package dev.parley.buildpackci.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a deploy goes: the regions of one environment with their apps, in deploy order (canary first). The JSON is
 * what {@code terraform output -json deploy_targets} prints for terraform/envs/&lt;env&gt;.
 *
 * @param environment e.g. staging
 * @param canary the region released and smoke-tested first
 * @param order every region, canary first
 * @param regions region name to its apps and gateway
 */
public record DeployTargets(String environment, String canary, List<String> order, Map<String, RegionTarget> regions) {

    private static final JsonMapper JSON = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    /**
     * One region.
     *
     * @param apps service name to Heroku app name
     * @param gatewayUrl the region's public gateway URL, the smoke test's target
     */
    public record RegionTarget(Map<String, String> apps, String gatewayUrl) {
    }

    public DeployTargets {
        if (regions == null || regions.isEmpty()) {
            throw new InvalidDeployTargetsException("no regions");
        }
        if (order == null || order.isEmpty()) {
            order = new ArrayList<>(regions.keySet());
            if (canary != null) {
                order.remove(canary);
                order.add(0, canary);
            }
        }
        if (canary == null) {
            canary = order.get(0);
        }
        if (!order.get(0).equals(canary)) {
            throw new InvalidDeployTargetsException("the order must start with the canary " + canary + ", was " + order);
        }
        if (!regions.keySet().containsAll(order) || order.size() != regions.size()) {
            throw new InvalidDeployTargetsException("the order " + order + " must list each region of " + regions.keySet()
                    + " once");
        }
        regions.forEach((name, region) -> {
            if (region.apps() == null || region.apps().isEmpty()) {
                throw new InvalidDeployTargetsException("region " + name + " has no apps");
            }
        });
        order = List.copyOf(order);
        regions = Map.copyOf(regions);
    }

    /** Reads the JSON of {@code terraform output -json deploy_targets}. */
    public static DeployTargets read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidDeployTargetsException("no file " + file + " (terraform -chdir=terraform/envs/<env> output "
                    + "-json deploy_targets > " + file + ")");
        }
        return JSON.readValue(file.toFile(), DeployTargets.class);
    }

    /**
     * Targets named by Parley's convention, {@code <prefix>-<region>-<service>}, for regions without Terraform
     * output (the local demo against the fake API).
     */
    public static DeployTargets byConvention(String environment, String appPrefix, List<String> regions,
            List<String> services, java.util.function.Function<String, String> gatewayUrl) {
        Map<String, RegionTarget> targets = new LinkedHashMap<>();
        for (String region : regions) {
            Map<String, String> apps = new LinkedHashMap<>();
            services.forEach(service -> apps.put(service, appPrefix + "-" + region + "-" + service));
            targets.put(region, new RegionTarget(apps, gatewayUrl.apply(apps.get("gateway"))));
        }
        return new DeployTargets(environment, regions.get(0), regions, targets);
    }

    public RegionTarget region(String name) {
        RegionTarget region = this.regions.get(name);
        if (region == null) {
            throw new InvalidDeployTargetsException("no region " + name + " (regions: " + this.order + ")");
        }
        return region;
    }

}
