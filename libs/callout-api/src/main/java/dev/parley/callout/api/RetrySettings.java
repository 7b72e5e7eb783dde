package dev.parley.callout.api;

/**
 * Retries of an endpoint. Only connection failures and 502/503/504 answers are retried, only for idempotent
 * methods (GET, HEAD, PUT, DELETE, OPTIONS) or endpoints with an idempotency key header, and only while the wait
 * and another attempt fit in the time limit.
 *
 * @param maxAttempts attempts in all, 1..5 (default 2; 1 turns retries off)
 * @param waitMs      pause before each retry, 0..5000 (default 50)
 */
public record RetrySettings(Integer maxAttempts, Long waitMs) {
}
