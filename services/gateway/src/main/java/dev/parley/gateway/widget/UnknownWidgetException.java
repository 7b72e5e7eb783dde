package dev.parley.gateway.widget;

import dev.parley.gateway.channels.WebhookInput;
import org.springframework.http.HttpStatus;

/** No widget is configured for the org and bot a page asked for: nothing runs. */
class UnknownWidgetException extends WidgetRejectedException {

    UnknownWidgetException(String orgId, String botId) {
        super("No web chat widget is configured for org '" + WebhookInput.abbreviate(orgId) + "' bot '"
                + WebhookInput.abbreviate(botId) + "'");
    }

    @Override
    HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }

    @Override
    String code() {
        return "unknown_bot";
    }
}
