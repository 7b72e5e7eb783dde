package dev.parley.runtime.api;

import java.util.List;

/**
 * One bot message. Which fields are set depends on {@code type}, exactly as in the Bot API's response messages.
 *
 * @param type    {@code text}, {@code choices}, {@code escalate} or {@code sessionEnded}
 * @param id      a UUID
 * @param text    for {@code text}
 * @param choices for {@code choices}
 * @param widget  for {@code choices}: {@code buttons} or {@code menu}
 * @param reason  for {@code sessionEnded}: {@code ClientRequest}, {@code Action}, {@code Error}, ...
 * @param targets for {@code escalate}
 * @param responseDelayMilliseconds how long a client should wait before showing it
 */
public record OutboundMessage(String type, String id, String text, List<Choice> choices, String widget,
        String reason, List<EscalationTarget> targets, int responseDelayMilliseconds) {

    /** One option of a {@code choices} message. */
    public record Choice(String label, String alias, String id) {
    }

    /** Where an {@code escalate} message transfers to. */
    public record EscalationTarget(String type, String value) {
    }
}
