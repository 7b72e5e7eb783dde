package dev.parley.callout.endpoint;

import java.util.List;

/** An endpoint configuration broke one or more rules; answered 400 {@code INVALID_ENDPOINT} listing each. */
public class InvalidEndpointException extends RuntimeException {

    /**
     * One broken rule.
     *
     * @param field   the JSON path of the field ({@code circuitBreaker.failureRateThreshold})
     * @param value   what was sent ({@code null} when missing; secrets are never echoed)
     * @param message what is wrong and what is accepted
     */
    public record Violation(String field, String value, String message) {
    }

    private final List<Violation> violations;

    public InvalidEndpointException(List<Violation> violations) {
        super(violations.getFirst().field() + ": " + violations.getFirst().message());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
