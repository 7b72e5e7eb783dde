package dev.parley.buildpackci.platformapi;

/**
 * One process type of an app's formation.
 *
 * @param type the process type
 * @param quantity dynos running it
 * @param size dyno size
 * @param command the command it runs
 */
public record Formation(String type, int quantity, String size, String command) {
}
