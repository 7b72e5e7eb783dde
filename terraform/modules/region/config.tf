locals {
  # URLs of the apps inside the space. Internal-routing apps answer on their Heroku host only inside the space.
  internal_urls = { for name, app in heroku_app.service : name => trimsuffix(app.web_url, "/") }

  # Public URLs: the custom domain when there is one.
  public_urls = {
    for name, app in heroku_app.service :
    name => contains(keys(var.public_domains), name) ? "https://${var.public_domains[name]}" : trimsuffix(app.web_url, "/")
  }

  # Outgoing calls carry the internal credential only to hosts the platform knows as Parley's: every app of the space
  # (public apps serve internal endpoints too, e.g. registry's for runtime).
  internal_hosts = join(",", sort([for name, app in heroku_app.service : app.heroku_hostname]))
}

# Config vars of every app. Add-ons set their own (DATABASE_URL, REDIS_URL, KAFKA_*); Heroku sets PORT.
# Plain values only in `vars`; every secret goes to `sensitive_vars` (a test checks).
resource "heroku_app_config_association" "service" {
  for_each = local.services

  app_id = heroku_app.service[each.key].id

  vars = merge(
    {
      PARLEY_REGION                  = var.name
      PARLEY_PLATFORM_INTERNAL_HOSTS = local.internal_hosts
      PARLEY_JVM_MEMORY_MB           = tostring(local.dyno_memory_mb[local.formation_sizes[each.key]])
    },
    { for config_var, target in each.value.calls : config_var => local.internal_urls[target] },
    { for config_var, target in each.value.public_urls : config_var => local.public_urls[target] },
    lookup(var.extra_config_vars, each.key, {}),
  )

  sensitive_vars = merge(
    { PARLEY_INTERNAL_CREDENTIAL = var.internal_credential },
    { for config_var, secret in each.value.secrets : config_var => var.secrets[secret] },
    lookup(var.extra_sensitive_config_vars, each.key, {}),
  )

  lifecycle {
    precondition {
      condition     = contains(keys(local.dyno_memory_mb), local.formation_sizes[each.key])
      error_message = "Unknown dyno size ${local.formation_sizes[each.key]} for ${each.key}: use one of ${join(", ", keys(local.dyno_memory_mb))}."
    }
  }
}
