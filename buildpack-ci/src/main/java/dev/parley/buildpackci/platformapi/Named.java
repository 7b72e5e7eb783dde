package dev.parley.buildpackci.platformapi;

/**
 * A reference to another Platform API object: stack, app, slug, user.
 *
 * @param id its id
 * @param name its name, where it has one
 */
public record Named(String id, String name) {
}
