/**
 * Contract of the registry service: the records of its admin API (uploads, bots, versions, activations) and of its
 * internal API for runtimes (active versions, a version's source files), the bot-definition events it publishes to
 * Kafka, and the paths and topic names. Only records, enums and constants live here.
 */
package dev.parley.registry.api;
