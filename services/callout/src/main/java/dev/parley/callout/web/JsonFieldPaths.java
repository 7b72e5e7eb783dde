package dev.parley.callout.web;

import java.util.List;
import tools.jackson.core.JacksonException;

/** Names the field a Jackson error is about, as a client wrote it ({@code circuitBreaker.slidingWindowSize}). */
public final class JsonFieldPaths {

    private JsonFieldPaths() {
    }

    /** The path from Jackson's reference chain; never Jackson's message, which names our classes. */
    public static String of(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
