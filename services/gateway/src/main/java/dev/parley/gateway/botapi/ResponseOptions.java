package dev.parley.gateway.botapi;

/**
 * What to add to the response. Only {@code variables} has an effect today; {@code metrics}, {@code intents} and
 * {@code entities} are accepted and ignored.
 */
record ResponseOptions(ResponseOptionsVariables variables, Boolean metrics, Boolean intents, Boolean entities) {
}
