package dev.parley.sessionstore.api;

/**
 * Asks for the lease of one session. Waiters are served first come, first served across all replicas.
 *
 * @param holder       who asks (service instance and thread); shows up in diagnostics only
 * @param ttlMillis    how long the lease lives unless committed or released; a holder past it is fenced out
 * @param waitMillis   how long the call may wait for earlier holders before it answers 423
 * @param messageKey   the idempotency key of the inbound message ({@code start}, {@code seq:42}, {@code end}); when
 *                     a reply is already recorded under it, the answer carries that reply and grants no lease
 */
public record LeaseRequest(String holder, long ttlMillis, long waitMillis, String messageKey) {
}
