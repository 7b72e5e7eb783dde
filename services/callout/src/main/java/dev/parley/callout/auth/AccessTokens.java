package dev.parley.callout.auth;

import dev.parley.callout.CalloutFailure;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * OAuth access tokens per org connection, shared by every endpoint of the org that uses the same connected app and
 * user. One fetch at a time per connection; concurrent callers wait for it within their own deadline. A token is
 * dropped when an API refuses it (401) or after {@code maxAge}, whichever comes first.
 */
public final class AccessTokens {

    private record Token(String value, long fetchedAtNanos) {
    }

    private final ConcurrentHashMap<String, CompletableFuture<Token>> tokens = new ConcurrentHashMap<>();
    private final long maxAgeNanos;

    public AccessTokens(Duration maxAge) {
        this.maxAgeNanos = maxAge.toNanos();
    }

    /**
     * The connection's token, fetched with {@code fetch} when none is cached.
     *
     * @throws CalloutFailure what the fetch threw, or TIMEOUT when waiting for another caller's fetch outlasts the deadline
     */
    public String get(String connection, Supplier<String> fetch, long deadlineNanos, long limitMillis) {
        for (int round = 0; round < 3; round++) {
            CompletableFuture<Token> mine = new CompletableFuture<>();
            CompletableFuture<Token> current = tokens.putIfAbsent(connection, mine);
            if (current == null) {
                try {
                    Token token = new Token(fetch.get(), System.nanoTime());
                    mine.complete(token);
                    return token.value;
                } catch (RuntimeException e) {
                    tokens.remove(connection, mine);
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
            Token token = await(current, deadlineNanos, limitMillis);
            if (token != null && System.nanoTime() - token.fetchedAtNanos < maxAgeNanos) {
                return token.value;
            }
            tokens.remove(connection, current); // failed or too old: fetch anew
        }
        throw CalloutFailure.auth("no access token could be obtained", null);
    }

    /** Forgets {@code value} if it is still the connection's token (a concurrent refresh is left alone). */
    public void rejected(String connection, String value) {
        CompletableFuture<Token> current = tokens.get(connection);
        if (current != null && current.isDone() && !current.isCompletedExceptionally()
                && current.join().value.equals(value)) {
            tokens.remove(connection, current);
        }
    }

    private static Token await(CompletableFuture<Token> future, long deadlineNanos, long limitMillis) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw CalloutFailure.timeout(limitMillis);
        }
        try {
            return future.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw CalloutFailure.timeout(limitMillis);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CalloutFailure failure) {
                throw failure;
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CalloutFailure.timeout(limitMillis);
        }
    }
}
