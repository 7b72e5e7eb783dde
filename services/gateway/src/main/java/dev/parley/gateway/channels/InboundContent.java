package dev.parley.gateway.channels;

/** What an end user sent, reduced to what the runtime understands. */
public sealed interface InboundContent {

    /** Free text typed by the user. */
    record Text(String text) implements InboundContent {
    }

    /** A click on one of the choices the bot offered, identified by the choice's id. */
    record ChoiceSelected(String choiceId) implements InboundContent {
    }

    /**
     * A platform button that is not one of the bot's choices (Messenger's "Get Started", a persistent menu item):
     * it starts a conversation, and inside one it counts as the text of its title.
     */
    record Postback(String payload, String title) implements InboundContent {
    }
}
