# One app per service. Code reaches them only as slugs released by buildpack-ci (bin/deploy), never by git push.
resource "heroku_app" "service" {
  for_each = local.services

  name             = "${var.app_prefix}-${each.key}"
  region           = var.heroku_region
  space            = heroku_space.this.name
  internal_routing = each.value.internal
  stack            = var.stack
  # Certificates for the custom domains of the public apps.
  acm = !each.value.internal && contains(keys(var.public_domains), each.key)

  organization {
    name   = var.team
    locked = true
  }
}

# Web dynos: size and count per service. Needs a release on the app (see var.formation_enabled).
resource "heroku_formation" "web" {
  for_each = { for name, service in local.services : name => service if var.formation_enabled }

  app_id   = heroku_app.service[each.key].id
  type     = "web"
  size     = local.formation_sizes[each.key]
  quantity = coalesce(try(var.formation[each.key].quantity, null), each.value.quantity)
}

# Every app's logs leave the space through the region's drain.
resource "heroku_drain" "service" {
  for_each = local.services

  app_id        = heroku_app.service[each.key].id
  sensitive_url = var.log_drain_url
}

resource "heroku_domain" "public" {
  for_each = var.public_domains

  app_id   = heroku_app.service[each.key].id
  hostname = each.value

  lifecycle {
    precondition {
      condition     = contains(keys(local.public_services), each.key)
      error_message = "public_domains may name only public services (${join(", ", keys(local.public_services))})."
    }
  }
}
