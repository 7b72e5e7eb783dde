package dev.parley.registry.auth;

/**
 * An authenticated admin: every read and write of the request is scoped to {@code orgId}.
 *
 * @param orgId the org the admin's token was issued for
 * @param name  who the admin is, recorded as the uploader or activator
 */
public record Admin(String orgId, String name) {

    /** Request attribute holding the authenticated {@link Admin}. */
    static final String ATTRIBUTE = Admin.class.getName();
}
