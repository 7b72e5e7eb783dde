package dev.parley.gateway.channels.slack;

/**
 * A Slack conversation as the gateway keys it: a channel, or one thread of a channel ({@code C123/1700000000.0001}).
 * Replies go back to the same place.
 */
record SlackConversation(String channel, String threadTs) {

    static SlackConversation parse(String conversationId) {
        int slash = conversationId.indexOf('/');
        return slash < 0 ? new SlackConversation(conversationId, null)
                : new SlackConversation(conversationId.substring(0, slash), conversationId.substring(slash + 1));
    }

    String id() {
        return threadTs == null ? channel : channel + "/" + threadTs;
    }
}
