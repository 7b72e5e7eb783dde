/**
 * Contract of the runtime service: the internal HTTP records the gateway sends and receives, and the turn events the
 * runtime publishes to Kafka. Only records, enums and constants live here.
 */
package dev.parley.runtime.api;
