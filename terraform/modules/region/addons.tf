# Each store has one owning service. An add-on created on an app is attached to that app only (DATABASE_URL,
# REDIS_URL); nothing else in the space gets its credentials.

resource "heroku_addon" "database" {
  for_each = local.database_owners

  app_id = heroku_app.service[each.key].id
  plan   = var.plans.postgres
}

# One Redis per owner: session state needs noeviction and must not share memory or credentials with the public
# gateway's rate-limit counters (docs/operators/regions.md).
resource "heroku_addon" "redis" {
  for_each = local.redis_owners

  app_id = heroku_app.service[each.key].id
  plan   = var.plans.redis
}

# One Kafka cluster per region, owned by the kafka owner and attached to every other service that uses it. The
# attachment name KAFKA gives each app KAFKA_URL, KAFKA_TRUSTED_CERT, KAFKA_CLIENT_CERT, KAFKA_CLIENT_CERT_KEY
# and (multi-tenant plans) KAFKA_PREFIX.
resource "heroku_addon" "kafka" {
  app_id = heroku_app.service[local.kafka_owner].id
  plan   = var.plans.kafka

  lifecycle {
    precondition {
      condition     = local.services[local.kafka_owner].kafka
      error_message = "The Kafka owner (${local.kafka_owner}) must itself use Kafka."
    }
  }
}

resource "heroku_addon_attachment" "kafka" {
  for_each = local.kafka_attached

  app_id   = heroku_app.service[each.key].id
  addon_id = heroku_addon.kafka.id
  name     = "KAFKA"
}
