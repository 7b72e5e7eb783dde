package dev.parley.registry.bots;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceIdsTests {

    private final SalesforceIds ids = new SalesforceIds();

    @Test
    void theChecksumIsSalesforcesCaseSuffix() {
        // a real Salesforce id: 15-character form and its 18-character form
        assertThat(SalesforceIds.checksum("001A0000006Vm9r")).isEqualTo("IAC");
        assertThat(SalesforceIds.checksum("0X9000000000001")).isEqualTo("CAA");
    }

    @Test
    void mintedIdsHaveTheirPrefixAValidSuffixAndAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String bot = ids.newBotId();
            String version = ids.newVersionId();
            assertThat(bot).hasSize(18).startsWith("0Xx").matches("[A-Za-z0-9]{18}");
            assertThat(SalesforceIds.isValid(bot, "0Xx")).isTrue();
            assertThat(SalesforceIds.isValid(version, "0X9")).isTrue();
            assertThat(seen.add(bot) && seen.add(version)).isTrue();
        }
    }

    @Test
    void idsWithAWrongPrefixLengthOrSuffixAreNotValid() {
        String id = ids.newBotId();
        assertThat(SalesforceIds.isValid(id, "0X9")).isFalse();
        assertThat(SalesforceIds.isValid(id.substring(0, 15), "0Xx")).isFalse();
        assertThat(SalesforceIds.isValid(id.substring(0, 15) + (id.endsWith("AAA") ? "AAB" : "AAA"), "0Xx"))
                .isFalse();
        assertThat(SalesforceIds.isValid(null, "0Xx")).isFalse();
        assertThat(SalesforceIds.isValid("0Xx' OR 1=1 --AAAA", "0Xx")).isFalse();
    }
}
