package dev.parley.runtime.turn;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChangedVariablesTests {

    @Test
    void listsSetChangedAndClearedVariablesButNotUnchangedOnes() {
        Map<String, Object> before = new HashMap<>(Map.of("Qty", 2, "Email", "a@b.example", "Note", "x"));
        Map<String, Object> after = new HashMap<>(Map.of("Qty", 3, "Email", "a@b.example", "Name", "Ada"));

        assertThat(ReplyMapping.changedVariables(before, after)).containsExactly("Name", "Note", "Qty");
    }

    @Test
    void everyVariableWithAValueCountsAsChangedOnAStart() {
        assertThat(ReplyMapping.changedVariables(Map.of(), Map.of("RoutableId", "0Mw1"))).containsExactly("RoutableId");
    }
}
