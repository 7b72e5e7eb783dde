package dev.parley.gateway.botapi;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import dev.parley.runtime.api.StartSessionCommand;

/**
 * Body of {@code POST /v5.1.0/bots/{bot-id}/sessions}. {@code referrers} and {@code richContentCapabilities} are
 * checked and accepted but not used yet.
 */
record InitMessageEnvelope(
        String externalSessionKey,
        TextInitMessage message,
        ForceConfig forceConfig,
        ResponseOptions responseOptions,
        String tz,
        List<RequestVariable> variables,
        List<Referrer> referrers,
        RichContentCapability richContentCapabilities) {

    InitMessageEnvelope {
        Fields.requiredText("externalSessionKey", externalSessionKey, Fields.MAX_EXTERNAL_SESSION_KEY_LENGTH);
        Fields.required("forceConfig", forceConfig);
        if (tz != null) {
            try {
                ZoneId.of(tz);
            }
            catch (DateTimeException e) {
                throw new InvalidFieldException("tz", "is not a known time zone: '" + Fields.abbreviate(tz) + "'");
            }
        }
        variables = Fields.atMost("variables", variables, Fields.MAX_VARIABLES);
        referrers = Fields.atMost("referrers", referrers, Fields.MAX_VARIABLES);
    }

    StartSessionCommand toCommand() {
        List<dev.parley.runtime.api.Variable> seeded = variables == null ? List.of()
                : variables.stream().map(RequestVariable::toRuntimeVariable).toList();
        return new StartSessionCommand(externalSessionKey, forceConfig.endpoint(),
                message == null ? null : message.text(), seeded, tz);
    }
}
