# What bin/deploy needs: terraform output -json deploy_targets > deploy-targets.json
output "deploy_targets" {
  description = "Regions in deploy order (canary first) with their app names and gateway URL."
  value = {
    environment = local.environment
    canary      = local.canary_region
    order       = concat([local.canary_region], sort(tolist(setsubtract(keys(local.regions), [local.canary_region]))))
    regions = {
      for name, region in module.region : name => {
        apps        = region.apps
        gateway_url = region.gateway_url
      }
    }
  }
}

output "outbound_ips" {
  description = "Stable outbound IPs per region."
  value       = { for name, region in module.region : name => region.outbound_ips }
}
