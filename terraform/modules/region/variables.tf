variable "name" {
  description = "Parley region name (for example eu1): the apps' PARLEY_REGION, part of every app name."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,5}$", var.name))
    error_message = "The region name must be 2-6 lowercase letters or digits, starting with a letter."
  }
}

variable "heroku_region" {
  description = "Heroku region of the Private Space."
  type        = string

  # Heroku's Private Space regions (Dev Center, "Heroku Private Spaces", Regions). The Terraform tests check the
  # environments against the same list.
  validation {
    condition = contains([
      "dublin", "frankfurt", "london", "montreal", "mumbai", "oregon", "singapore", "sydney", "tokyo", "virginia",
    ], var.heroku_region)
    error_message = "Not a Heroku Private Space region: use dublin, frankfurt, london, montreal, mumbai, oregon, singapore, sydney, tokyo or virginia."
  }
}

variable "team" {
  description = "Heroku team (organization) that owns the space and its apps."
  type        = string
}

variable "app_prefix" {
  description = "Prefix of every app and of the space name: <app_prefix>-<service>. Heroku app names have at most 30 characters."
  type        = string

  validation {
    # 30 - 1 (dash) - 15 (events-consumer, the longest service name); the Terraform tests check the catalogue too.
    condition     = can(regex("^[a-z][a-z0-9-]{1,13}$", var.app_prefix))
    error_message = "app_prefix must be 2-14 of [a-z0-9-], starting with a letter, so that <app_prefix>-<service> fits Heroku's 30 characters."
  }
}

variable "space_cidr" {
  description = "RFC 1918 /16 of the space's dynos. Must not overlap peered networks."
  type        = string
  default     = "10.0.0.0/16"
}

variable "data_cidr" {
  description = "RFC 1918 /16../20 of the Heroku-managed data network (Postgres, Redis, Kafka)."
  type        = string
  default     = "10.1.0.0/16"
}

variable "shield" {
  description = "Create a Shield Private Space (compliance; cannot be changed after creation)."
  type        = bool
  default     = false
}

variable "trusted_ip_ranges" {
  description = "CIDRs allowed to reach the space's public apps (the inbound ruleset). Internal apps are never reachable from outside."
  type        = list(string)
  default     = ["0.0.0.0/0"]

  validation {
    condition     = length(var.trusted_ip_ranges) > 0 && alltrue([for cidr in var.trusted_ip_ranges : can(cidrhost(cidr, 0))])
    error_message = "trusted_ip_ranges must be a non-empty list of CIDR blocks."
  }
}

variable "public_domains" {
  description = "Custom domain per public service, e.g. { gateway = \"eu1.api.example.com\" }. Their URLs become the public URLs."
  type        = map(string)
  default     = {}
}

variable "stack" {
  description = "Heroku stack the slugs are built for (buildpack-ci's --stack must match)."
  type        = string
  default     = "heroku-24"
}

variable "plans" {
  description = "Add-on plans of the data stores."
  type = object({
    postgres = optional(string, "heroku-postgresql:private-0")
    redis    = optional(string, "heroku-redis:private-7")
    kafka    = optional(string, "heroku-kafka:private-standard-0")
  })
  default = {}
}

variable "formation_enabled" {
  description = "Manage dyno sizes and counts. Heroku refuses a formation before the app's first release: false on the very first apply of a region (see docs/operators/regions.md)."
  type        = bool
  default     = true
}

variable "formation" {
  description = "Per-service overrides of the web formation, e.g. { gateway = { quantity = 4 } }."
  type = map(object({
    size     = optional(string)
    quantity = optional(number)
  }))
  default = {}
}

variable "extra_config_vars" {
  description = "Per-service plain config vars added to the module's own (never secrets: use extra_sensitive_config_vars)."
  type        = map(map(string))
  default     = {}
}

variable "extra_sensitive_config_vars" {
  description = "Per-service secret config vars added to the module's own."
  type        = map(map(string))
  default     = {}
  sensitive   = true
}

variable "internal_credential" {
  description = "Shared secret every internal call carries (PARLEY_INTERNAL_CREDENTIAL). At least 32 characters."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.internal_credential) >= 32
    error_message = "internal_credential must have at least 32 characters."
  }
}

variable "secrets" {
  description = "Secrets named by the service catalogue's `secrets` (e.g. gateway_token_signing_secret), each at least 32 characters."
  type        = map(string)
  sensitive   = true

  validation {
    condition     = alltrue([for value in values(var.secrets) : length(value) >= 32])
    error_message = "Every secret must have at least 32 characters."
  }
}

variable "log_drain_url" {
  description = "Syslog/HTTPS log drain every app of the region sends its logs to (holds a token: sensitive)."
  type        = string
  sensitive   = true
}
