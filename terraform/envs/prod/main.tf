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
    schema_name = "parley_prod"
  }
}

# Credentials from HEROKU_API_KEY.
provider "heroku" {}

locals {
  environment = "prod"
  team        = "parley"
  # Apps are <app_prefix>-<region>-<service>; Heroku allows 30 characters (a test checks every region).
  app_prefix = "parley-p"
  # Custom domains: <region>.<service>.<domain> for the public apps; blank for Heroku's own host names only.
  domain = "parley.dev"

  # One line per region. Adding a region is adding a line (and its secrets): see docs/operators/regions.md.
  regions = {
    ap1 = { heroku_region = "sydney", cidr = "10.30.0.0/16", data_cidr = "10.31.0.0/16" }
    eu1 = { heroku_region = "dublin", cidr = "10.10.0.0/16", data_cidr = "10.11.0.0/16" }
    us1 = { heroku_region = "virginia", cidr = "10.20.0.0/16", data_cidr = "10.21.0.0/16" }
  }

  # Deploys release here first, smoke-test it, then promote to the others.
  canary_region = "ap1"
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
    gateway = { quantity = 3 }
    runtime = { quantity = 3 }
  }

  internal_credential = var.internal_credentials[each.key]
  secrets = {
    gateway_token_signing_secret = var.gateway_token_signing_secrets[each.key]
  }
  log_drain_url = var.log_drain_url
}
