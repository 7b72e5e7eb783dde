resource "heroku_space" "this" {
  name         = var.app_prefix
  organization = var.team
  region       = var.heroku_region
  cidr         = var.space_cidr
  data_cidr    = var.data_cidr
  shield       = var.shield
}

# Only the public apps take traffic from outside the space; this limits who may reach them.
resource "heroku_space_inbound_ruleset" "this" {
  space = heroku_space.this.name

  dynamic "rule" {
    for_each = var.trusted_ip_ranges
    content {
      action = "allow"
      source = rule.value
    }
  }
}
