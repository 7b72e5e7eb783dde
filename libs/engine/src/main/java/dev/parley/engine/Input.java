package dev.parley.engine;

/** What the customer (or the client on their behalf) sent in one turn. */
public sealed interface Input {

    /** Free text. */
    record Text(String text) implements Input {
    }

    /** A choice from the last offered menu, by 1-based {@code index} or by {@code id} (one of them is set). */
    record Choice(Integer index, String id) implements Input {
    }

    /** The client transferred the session to an agent: the bot's part ends. */
    record TransferSucceeded() implements Input {
    }

    /** The client could not transfer the session ({@code NoAgentAvailable} or {@code Error}). */
    record TransferFailed(String reason) implements Input {
    }

    /** Run a dialog directly, by developer name or label. */
    record Redirect(String dialogId) implements Input {
    }
}
