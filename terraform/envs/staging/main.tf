terraform {
  required_version = ">= 1.5.0, < 2.0.0"

  required_providers {
    heroku = {
      source  = "heroku/heroku"
      version = "~> 5.3"
    }
  }

  # State lives in a PostgreSQL database outside the regions: terraform init reads its URL from PG_CONN_STR.
  backend "pg" {
    schema_name = "parley_staging"
  }
}

# Credentials from HEROKU_API_KEY.
provider "heroku" {}

locals {
  environment = "staging"
  team        = "parley-staging"
  # Apps are <app_prefix>-<region>-<service>; Heroku allows 30 characters (a test checks every region).
  app_prefix = "parley-s"
  # Custom domains: <region>.<service>.<domain> for the public apps; blank for Heroku's own host names only.
  domain = "staging.parley.dev"

  # One line per region. Adding a region is adding a line (and its secrets): see docs/operators/regions.md.
  regions = {
    eu1 = { heroku_region = "frankfurt", cidr = "10.10.0.0/16", data_cidr = "10.11.0.0/16" }
    us1 = { heroku_region = "virginia", cidr = "10.20.0.0/16", data_cidr = "10.21.0.0/16" }
  }

  # Deploys release here first, smoke-test it, then promote to the others.
  canary_region = "eu1"
}

module "region" {
  source   = "../../modules/region"
  for_each = local.regions

  name          = each.key
  heroku_region = each.value.heroku_region
  team          = local.team
  app_prefix    = "${local.app_prefix}-${each.key}"
  space_cidr    = each.value.cidr
  data_cidr     = each.value.data_cidr
  shield        = false
  public_domains = {
    for service in ["gateway", "registry"] : service => "${each.key}.${service}.${local.domain}" if local.domain != ""
  }
  formation_enabled = var.formation_enabled
  formation = {
    gateway = { size = "private-s", quantity = 1 }
    runtime = { size = "private-s", quantity = 1 }
  }

  internal_credential = var.internal_credentials[each.key]
  secrets = {
    gateway_token_signing_secret = var.gateway_token_signing_secrets[each.key]
  }
  log_drain_url = var.log_drain_url
}
