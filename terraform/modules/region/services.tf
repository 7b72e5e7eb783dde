# The service catalogue: one entry per directory of services/ (a test fails when one is missing).
#
#   internal        reachable only inside the space (internal routing); false for the public edge apps
#   size, quantity  default web formation; var.formation overrides per service
#   database        owns a Heroku Postgres database (add-on on this app only: DATABASE_URL)
#   redis           owns a Heroku Redis (add-on on this app only: REDIS_URL)
#   kafka           uses the space's Kafka cluster (owned by local.kafka_owner, attached here: KAFKA_URL, certs, prefix)
#   calls           config var => service whose URL inside the space it holds. Names follow Spring's binding of
#                   environment variables: parley.runtime.session-store-url <= PARLEY_RUNTIME_SESSION_STORE_URL
#   public_urls     config var => service whose public URL (custom domain when set) it holds
#   secrets         config var => key of var.secrets holding its value (always a sensitive config var)
#
# Adding a service: add its entry here (and its public domain per region when it is public). Nothing else.
locals {
  services = {
    gateway = {
      internal    = false
      size        = "private-m"
      quantity    = 2
      database    = false
      redis       = true # rate-limit counters: its own Redis, see docs/operators/regions.md
      kafka       = false
      calls       = { PARLEY_GATEWAY_RUNTIME_URL = "runtime" }
      public_urls = { PARLEY_GATEWAY_PUBLIC_URL = "gateway" }
      secrets     = { PARLEY_GATEWAY_OAUTH_TOKEN_SIGNING_SECRET = "gateway_token_signing_secret" }
    }
    registry = {
      internal    = false
      size        = "private-s"
      quantity    = 2
      database    = true
      redis       = false
      kafka       = true
      calls       = {}
      public_urls = {}
      secrets     = {}
    }
    runtime = {
      internal = true
      size     = "private-m"
      quantity = 2
      database = false
      redis    = false
      kafka    = true
      calls = {
        PARLEY_RUNTIME_SESSION_STORE_URL = "session-store"
        PARLEY_RUNTIME_CALLOUT_URL       = "callout"
        PARLEY_RUNTIME_REGISTRY_URL      = "registry"
      }
      public_urls = {}
      secrets     = {}
    }
    session-store = {
      internal    = true
      size        = "private-m"
      quantity    = 2
      database    = false
      redis       = true
      kafka       = false
      calls       = {}
      public_urls = {}
      secrets     = {}
    }
    callout = {
      internal    = true
      size        = "private-s"
      quantity    = 2
      database    = true
      redis       = false
      kafka       = false
      calls       = {}
      public_urls = {}
      secrets     = {}
    }
    events-consumer = {
      internal    = true
      size        = "private-s"
      quantity    = 2
      database    = true
      redis       = false
      kafka       = true
      calls       = {}
      public_urls = {}
      secrets     = {}
    }
    log-uploader = {
      internal    = true
      size        = "private-s"
      quantity    = 2
      database    = true
      redis       = false
      kafka       = true
      calls       = {}
      public_urls = {}
      secrets     = {}
    }
  }

  # The app that owns the Kafka add-on; every other service with kafka = true gets an attachment.
  kafka_owner = "runtime"

  # Services that own a store, and the Kafka users other than the owner.
  database_owners = { for name, service in local.services : name => service if service.database }
  redis_owners    = { for name, service in local.services : name => service if service.redis }
  kafka_attached  = { for name, service in local.services : name => service if service.kafka && name != local.kafka_owner }
  public_services = { for name, service in local.services : name => service if !service.internal }

  # Web dyno size per service (catalogue default or var.formation override) and the memory it has: the slugs'
  # .profile.d/java.sh sizes the JVM from PARLEY_JVM_MEMORY_MB.
  formation_sizes = { for name, service in local.services : name => lower(coalesce(try(var.formation[name].size, null), service.size)) }
  dyno_memory_mb = {
    "private-s" = 1024
    "private-m" = 2560
    "private-l" = 14336
    "shield-s"  = 1024
    "shield-m"  = 2560
    "shield-l"  = 14336
  }
}
