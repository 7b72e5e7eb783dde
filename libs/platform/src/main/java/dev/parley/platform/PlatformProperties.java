package dev.parley.platform;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every Parley service shares, bound from {@code parley.platform.*} and validated at startup.
 *
 * @param region the region this instance runs in (env {@code PARLEY_REGION}); tags metrics and logs
 * @param internalCredential the shared secret expected in {@code X-Parley-Internal-Credential} on {@code /internal/**}
 *     and sent on internal calls (env {@code PARLEY_INTERNAL_CREDENTIAL})
 * @param allowUnauthenticatedInternal local development only: with a blank credential, leave {@code /internal/**} open
 * @param kafkaPrefix prepended to every Kafka topic and consumer group name (env {@code KAFKA_PREFIX})
 * @param internalHosts extra host names (exact, or {@code *.suffix}) that count as Parley services, so that outgoing
 *     calls to them carry the internal credential; loopback, single-label and reserved test domains always count
 */
@ConfigurationProperties("parley.platform")
public record PlatformProperties(
        @DefaultValue("local") String region,
        String internalCredential,
        boolean allowUnauthenticatedInternal,
        @DefaultValue("") String kafkaPrefix,
        @DefaultValue List<String> internalHosts) {

    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final Pattern KAFKA_PREFIX = Pattern.compile("[A-Za-z0-9._-]{0,200}");

    private static final Pattern HOST = Pattern.compile("(\\*\\.)?[A-Za-z0-9.:\\[\\]-]{1,253}");

    public PlatformProperties {
        region = (region == null) ? "local" : region.strip();
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException(
                    "parley.platform.region must be 1-64 characters of [A-Za-z0-9._-], was '" + region + "'");
        }
        internalCredential = (internalCredential == null) ? "" : internalCredential.strip();
        if (internalCredential.isEmpty() && !allowUnauthenticatedInternal) {
            throw new IllegalArgumentException("parley.platform.internal-credential (env PARLEY_INTERNAL_CREDENTIAL) "
                    + "is blank; set it, or set parley.platform.allow-unauthenticated-internal=true for local "
                    + "development only");
        }
        kafkaPrefix = (kafkaPrefix == null) ? "" : kafkaPrefix.strip();
        if (!KAFKA_PREFIX.matcher(kafkaPrefix).matches()) {
            throw new IllegalArgumentException("parley.platform.kafka-prefix (env KAFKA_PREFIX) must be at most 200 "
                    + "characters of [A-Za-z0-9._-], was '" + kafkaPrefix + "'");
        }
        internalHosts = (internalHosts == null) ? List.of()
                : internalHosts.stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
        for (String host : internalHosts) {
            if (!HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("parley.platform.internal-hosts entries must be host names or "
                        + "'*.suffix', was '" + host + "'");
            }
        }
    }

    /** Whether {@code /internal/**} requests must carry the credential. */
    public boolean internalAuthEnabled() {
        return !this.internalCredential.isEmpty();
    }

    @Override
    public String toString() {
        // Never print the credential.
        return "PlatformProperties[region=" + this.region + ", internalCredential="
                + (this.internalCredential.isEmpty() ? "<blank>" : "<redacted>") + ", allowUnauthenticatedInternal="
                + this.allowUnauthenticatedInternal + ", kafkaPrefix=" + this.kafkaPrefix + ", internalHosts="
                + this.internalHosts + "]";
    }

}
