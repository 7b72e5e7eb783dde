package dev.parley.gateway.channels;

/**
 * One bot bound to one channel account (a Messenger page, a Slack app in a workspace, a Twilio number, a widget):
 * every conversation arriving through it runs that bot of that org.
 *
 * @param channel the channel
 * @param id      the binding's id, unique per channel; it appears in the webhook URL and must never change
 * @param orgId   the org that owns the bot
 * @param botId   the bot
 */
public record ChannelBinding(Channel channel, String id, String orgId, String botId) {

    /** {@code channel:id}: unique across channels, used in keys. */
    public String key() {
        return channel.id() + ":" + id;
    }
}
