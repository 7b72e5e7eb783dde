package dev.parley.runtime.bot;

import dev.parley.botmodel.Program;

import java.time.Duration;
import java.util.Objects;

/**
 * A compiled bot version ready to run turns.
 *
 * @param orgId         the org that owns it
 * @param botId         the bot's id within the org
 * @param versionId     the version's 18-character Salesforce-style id, reported as {@code botVersion}
 * @param program       the compiled program, shared by all turns
 * @param responseDelay the delay a client should apply to bot messages the definition sets no delay for
 * @param idleTimeout   how long a session of this bot lives without a turn: the bot's own {@code sessionTimeout} (in
 *                      minutes) when it sets one, else the runtime's configured default given here
 */
public record LoadedBot(String orgId, String botId, String versionId, Program program, Duration responseDelay,
        Duration idleTimeout) {

    public LoadedBot {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(responseDelay, "responseDelay");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Integer botTimeout = program.sessionTimeoutMinutes();
        if (botTimeout != null && botTimeout > 0) {
            idleTimeout = Duration.ofMinutes(botTimeout);
        }
    }
}
