package dev.parley.gateway.widget;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationTokensTests {

    final ConversationTokens tokens = new ConversationTokens("a-signing-secret-of-at-least-32-bytes!!");

    final WidgetBot bot = WidgetBot.of(new WidgetProperties.Bot("00DA", "0XxA", List.of("https://a.example")));

    final WidgetBot otherBot = WidgetBot.of(new WidgetProperties.Bot("00DA", "0XxB", List.of("https://a.example")));

    @Test
    void anIssuedTokenNamesItsConversation() {
        String token = tokens.issue(bot);
        assertThat(token).matches("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}");
        assertThat(tokens.conversationId(bot, token)).contains(token.substring(0, 22));
        assertThat(tokens.issue(bot)).isNotEqualTo(token);
    }

    @Test
    void aTokenIsValidForItsBotOnlyAndCannotBeForged() {
        String token = tokens.issue(bot);
        assertThat(tokens.conversationId(otherBot, token)).isEmpty();
        String tampered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        assertThat(tokens.conversationId(bot, tampered)).isEmpty();
        assertThat(tokens.conversationId(bot, token + "x")).isEmpty();
        assertThat(tokens.conversationId(bot, "")).isEmpty();
        assertThat(tokens.conversationId(bot, null)).isEmpty();
        assertThat(tokens.conversationId(bot, "!".repeat(22) + "." + "!".repeat(22))).isEmpty();
        ConversationTokens otherReplica = new ConversationTokens("a-signing-secret-of-at-least-32-bytes!!");
        assertThat(otherReplica.conversationId(bot, token)).isPresent();
        assertThat(new ConversationTokens("another-secret-of-at-least-32-bytes!!!!").conversationId(bot, token))
                .isEmpty();
    }
}
