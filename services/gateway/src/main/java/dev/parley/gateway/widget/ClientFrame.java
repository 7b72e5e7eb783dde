package dev.parley.gateway.widget;

/**
 * One frame from the widget, checked. Over the WebSocket every frame is one of these; over HTTP, {@code hello} is
 * the body of {@code POST .../conversations}, the frames with an {@code id} are bodies of {@code POST .../messages},
 * and {@code ack} is the {@code after} parameter of {@code GET .../events}.
 */
sealed interface ClientFrame {

    /** A frame the visitor produced: processed once per id, answered with {@code ack} or {@code error}. */
    sealed interface Input extends ClientFrame {

        /** The client's id of this frame; resending the same id never processes it twice. */
        String id();
    }

    /** Opens or resumes a conversation: {@code token} from an earlier {@code welcome}, {@code lastSeq} seen. */
    record Hello(String token, long lastSeq) implements ClientFrame {
    }

    /** Opens a session (the bot's welcome) unless one is running. */
    record Start(String id) implements Input {
    }

    /** Text the visitor typed. */
    record Say(String id, String text) implements Input {
    }

    /** A click on one of the bot's choices; {@code label} is what the visitor saw, echoed to their transcript. */
    record Choose(String id, String choiceId, String label) implements Input {
    }

    /** The visitor ends the chat. */
    record End(String id) implements Input {
    }

    /** The widget has stored every event up to {@code seq}. */
    record Ack(long seq) implements ClientFrame {
    }

    /** Liveness probe: answered with {@code pong}. */
    record Ping() implements ClientFrame {
    }

    /** Answer to the server's {@code ping}. */
    record Pong() implements ClientFrame {
    }
}
