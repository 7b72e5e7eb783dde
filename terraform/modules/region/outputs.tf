output "space" {
  description = "Name of the region's Private Space."
  value       = heroku_space.this.name
}

output "apps" {
  description = "App name per service: what bin/deploy releases to."
  value       = { for name, app in heroku_app.service : name => app.name }
}

output "gateway_url" {
  description = "Public URL of the region's gateway: the smoke test's target."
  value       = local.public_urls["gateway"]
}

output "outbound_ips" {
  description = "Stable outbound IPs of the space, for allow-lists of callout and log-delivery targets."
  value       = heroku_space.this.outbound_ips
}
