package dev.parley.gateway.widget;

import dev.parley.gateway.channels.WebhookInput;
import org.springframework.http.HttpStatus;

/** A page of a site that is not among the bot's allowed origins (or no {@code Origin} at all) tried to use it. */
class OriginNotAllowedException extends WidgetRejectedException {

    OriginNotAllowedException(WidgetBot bot, String origin) {
        super(origin == null
                ? "An Origin header is required to open the web chat of org '" + bot.orgId() + "' bot '"
                        + bot.botId() + "'"
                : "Origin '" + WebhookInput.abbreviate(origin) + "' may not embed the web chat of org '"
                        + bot.orgId() + "' bot '" + bot.botId() + "'");
    }

    @Override
    HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }

    @Override
    String code() {
        return "origin_not_allowed";
    }
}
