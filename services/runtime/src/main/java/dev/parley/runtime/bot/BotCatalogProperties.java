package dev.parley.runtime.bot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bots configured under {@code parley.runtime.bots[i]} and the session idle timeout; checked at startup.
 *
 * @param bots               the bots to load and compile at startup
 * @param sessionIdleTimeout how long a session lives without a turn ({@code parley.runtime.session-idle-timeout})
 */
@ConfigurationProperties("parley.runtime")
record BotCatalogProperties(List<ConfiguredBot> bots, @DefaultValue("30m") Duration sessionIdleTimeout) {

    private static final Pattern SALESFORCE_ID = Pattern.compile("[a-zA-Z0-9]{18}");

    BotCatalogProperties {
        bots = bots == null ? List.of() : List.copyOf(bots);
        if (sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "parley.runtime.session-idle-timeout must be positive but was " + sessionIdleTimeout);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < bots.size(); i++) {
            ConfiguredBot bot = bots.get(i);
            String prefix = "parley.runtime.bots[" + i + "].";
            requireText(prefix + "org-id", bot.orgId());
            requireText(prefix + "bot-id", bot.botId());
            if (bot.versionId() == null || !SALESFORCE_ID.matcher(bot.versionId()).matches()) {
                throw new IllegalArgumentException(prefix + "version-id must be an 18-character alphanumeric id "
                        + "but was '" + bot.versionId() + "'");
            }
            if (bot.location() == null || bot.location().isEmpty()
                    || bot.location().stream().anyMatch(l -> l == null || l.isBlank())) {
                throw new IllegalArgumentException(prefix + "location must name a directory or files but was "
                        + bot.location());
            }
            if (bot.responseDelay() != null && bot.responseDelay().isNegative()) {
                throw new IllegalArgumentException(prefix + "response-delay must not be negative but was "
                        + bot.responseDelay());
            }
            if (!seen.add(bot.orgId() + "/" + bot.botId())) {
                throw new IllegalArgumentException(prefix + " configures bot '" + bot.botId() + "' of org '"
                        + bot.orgId() + "' a second time");
            }
        }
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank but was '" + value + "'");
        }
    }

    /**
     * One configured bot.
     *
     * @param orgId         the owning org
     * @param botId         the bot's id in the runtime's routes
     * @param versionId     the 18-character version id reported as {@code botVersion}
     * @param location      a directory (every {@code *.xml}, {@code *.bot}, {@code *.yaml} and {@code *.yml} file in
     *                      it) or files holding the Salesforce metadata or Parley YAML; {@code classpath:} locations
     *                      are allowed
     * @param versionName   the {@code BotVersion} to run (e.g. {@code v2}); {@code null} runs the highest
     * @param responseDelay the delay for messages whose definition sets none; {@code null} means none
     */
    record ConfiguredBot(String orgId, String botId, String versionId, List<String> location, String versionName,
            Duration responseDelay) {
    }
}
