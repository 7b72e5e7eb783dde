package dev.parley.engine;

import java.util.List;

/** One bot message of a turn; {@link #id()} is a name-based UUID of (session, turn, index). */
public sealed interface Output {

    /** The message id. */
    String id();

    /** How long a client should wait before showing it (the version's {@code responseDelayMilliseconds}). */
    int delayMs();

    /** A text message with merge fields already substituted. */
    record Text(String id, String text, int delayMs) implements Output {
    }

    /** A menu; {@code widget} is {@code buttons} or {@code menu}. */
    record Choices(String id, List<ChoiceOption> options, String widget, int delayMs) implements Output {
        public Choices {
            options = List.copyOf(options);
        }
    }

    /** A transfer request to the client; it answers with a TransferSucceeded or TransferFailed input. */
    record Escalate(String id, List<Target> targets, int delayMs) implements Output {
        public Escalate {
            targets = List.copyOf(targets);
        }
    }

    /**
     * The session ended; {@code reason} is {@code ClientRequest}, {@code Action}, {@code Error},
     * {@code InfiniteLoopDetected} or {@code TransferFailedNotConfigured}.
     */
    record SessionEnded(String id, String reason, int delayMs) implements Output {
    }

    /**
     * Where an {@link Escalate} transfers to.
     *
     * @param type  e.g. {@code Salesforce:Core:Flow:Id}
     * @param value the target's id or name
     */
    record Target(String type, String value) {
    }
}
