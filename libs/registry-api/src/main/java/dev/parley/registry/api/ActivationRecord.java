package dev.parley.registry.api;

import java.time.Instant;

/**
 * One entry of a bot's activation history.
 *
 * @param versionId             the version that became active
 * @param versionNumber         its number
 * @param previousVersionId     the version active before, or {@code null} for the first activation
 * @param previousVersionNumber its number, or {@code null}
 * @param action                {@code ACTIVATE} or {@code ROLLBACK}
 * @param activatedAt           when
 * @param activatedBy           who
 */
public record ActivationRecord(String versionId, int versionNumber, String previousVersionId,
        Integer previousVersionNumber, String action, Instant activatedAt, String activatedBy) {
}
