package dev.parley.gateway.widget;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import dev.parley.gateway.channels.Signatures;

/**
 * Conversation tokens: what a widget keeps (in the browser's storage) to resume its conversation. A token is
 * {@code <id>.<mac>}: a random 128-bit conversation id and an HMAC-SHA256 over the bot's binding and that id, so a
 * token is checked without a store lookup, cannot be forged, and is valid for one bot only. The key is derived from
 * the gateway's token-signing secret, the same on every replica.
 */
class ConversationTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private static final int ID_BYTES = 16;

    private static final int MAC_BYTES = 16;

    private final SecureRandom random = new SecureRandom();

    private final String key;

    ConversationTokens(String signingSecret) {
        // a key of its own, so a widget token can never be mistaken for (or help forge) an access token
        this.key = ENCODER.encodeToString(Signatures.hmacSha256(signingSecret,
                "parley-widget-conversation-token".getBytes(StandardCharsets.UTF_8)));
    }

    /** A new token for a conversation with {@code bot}. */
    String issue(WidgetBot bot) {
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        String conversationId = ENCODER.encodeToString(id);
        return conversationId + "." + mac(bot, conversationId);
    }

    /** The conversation id of a valid token of {@code bot}, or empty. */
    Optional<String> conversationId(WidgetBot bot, String token) {
        if (token == null || token.length() != 22 + 1 + 22) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot != 22) {
            return Optional.empty();
        }
        String conversationId = token.substring(0, dot);
        byte[] presented;
        try {
            if (DECODER.decode(conversationId).length != ID_BYTES) {
                return Optional.empty();
            }
            presented = DECODER.decode(token.substring(dot + 1));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] expected = DECODER.decode(mac(bot, conversationId));
        return MessageDigest.isEqual(expected, presented) ? Optional.of(conversationId) : Optional.empty();
    }

    private String mac(WidgetBot bot, String conversationId) {
        byte[] mac = Signatures.hmacSha256(key,
                (bot.binding().key() + "\n" + conversationId).getBytes(StandardCharsets.UTF_8));
        return ENCODER.encodeToString(Arrays.copyOf(mac, MAC_BYTES));
    }
}
