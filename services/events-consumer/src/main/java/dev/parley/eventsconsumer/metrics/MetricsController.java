package dev.parley.eventsconsumer.metrics;

import dev.parley.eventsconsumer.web.InvalidQueryParameterException;
import dev.parley.eventsconsumer.web.QueryParameters;
import dev.parley.platform.logging.MdcKeys;
import org.slf4j.MDC;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** A bot's metrics over time windows, for one org. Internal: {@code console} forwards its admins' calls. */
@RestController
class MetricsController {

    private final MetricsService metrics;

    MetricsController(MetricsService metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/internal/v1/orgs/{orgId}/bots/{botId}/metrics")
    BotMetrics metrics(@PathVariable String orgId, @PathVariable String botId,
            @RequestParam(required = false) String versionId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String granularity,
            @RequestParam(required = false) String dialog) {
        String org = QueryParameters.id("orgId", orgId);
        String bot = QueryParameters.id("botId", botId);
        String version = QueryParameters.optionalId("versionId", versionId);
        Instant start = QueryParameters.instant("from", from);
        Instant end = QueryParameters.instant("to", to);
        QueryParameters.window(start, end);
        Granularity width = Granularity.parse(granularity);
        if (dialog != null && dialog.length() > 255) {
            throw new InvalidQueryParameterException("dialog", "must be at most 255 characters but had "
                    + dialog.length());
        }
        try (var orgMdc = MDC.putCloseable(MdcKeys.ORG_ID, org)) {
            return metrics.metrics(org, bot, version, dialog == null || dialog.isEmpty() ? null : dialog, start, end,
                    width);
        }
    }
}
