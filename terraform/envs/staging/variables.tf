variable "formation_enabled" {
  description = "false only on the first apply of a new region, before its first release (docs/operators/regions.md)."
  type        = bool
  default     = true
}

variable "internal_credentials" {
  description = "PARLEY_INTERNAL_CREDENTIAL per region name (TF_VAR_internal_credentials, from the secret store)."
  type        = map(string)
  sensitive   = true
}

variable "gateway_token_signing_secrets" {
  description = "Gateway OAuth token signing secret per region name (TF_VAR_gateway_token_signing_secrets)."
  type        = map(string)
  sensitive   = true
}

variable "log_drain_url" {
  description = "Log drain of every app (TF_VAR_log_drain_url)."
  type        = string
  sensitive   = true
}
