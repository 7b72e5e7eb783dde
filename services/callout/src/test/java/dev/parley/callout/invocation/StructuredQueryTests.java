package dev.parley.callout.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.callout.CalloutFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredQueryTests {

    private static Map<String, Object> lookup(Object... pairs) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            inputs.put((String) pairs[i], pairs[i + 1]);
        }
        return inputs;
    }

    @Test
    void buildsTheQueryTheEngineDescribes() {
        String soql = StructuredQuery.soql(lookup("sObjectType", "Contact", "fields", List.of("Id", "Account.Name"),
                "conditions", List.of(Map.of("field", "Contact.LastName", "operator", "Equals", "value", "O'Brien"),
                        Map.of("field", "Email", "operator", "IsSet")),
                "filterLogic", "And", "maxResults", 5, "sortField", "CreatedDate", "sortOrder", "Desc"), "Contact");

        assertThat(soql).isEqualTo("SELECT Id, Account.Name FROM Contact WHERE (Contact.LastName = 'O\\'Brien') AND "
                + "(Email != null) ORDER BY CreatedDate DESC LIMIT 5");
    }

    @Test
    void customLogicRefersToConditionsByNumber() {
        String soql = StructuredQuery.soql(lookup("sObjectType", "Case", "conditions", List.of(
                Map.of("field", "Status", "operator", "NotEquals", "value", "Closed"),
                Map.of("field", "Priority", "operator", "Equals", "value", "High"),
                Map.of("field", "Subject", "operator", "Contains", "value", "50%_off")),
                "filterLogic", "1 and (2 OR 3)"), "Case");

        assertThat(soql).isEqualTo("SELECT Id FROM Case WHERE (Status != 'Closed') AND ((Priority = 'High') OR "
                + "(Subject LIKE '%50\\%\\_off%')) LIMIT 100");
    }

    @Test
    void namesThatAreNotIdentifiersAreRefused() {
        assertThatThrownBy(() -> StructuredQuery.soql(lookup("sObjectType", "Contact WHERE Id != null --"), "x"))
                .isInstanceOfSatisfying(CalloutFailure.class, f -> assertThat(f.code()).isEqualTo("MAPPING_ERROR"));
        assertThatThrownBy(() -> StructuredQuery.soql(lookup("sObjectType", "Contact", "fields",
                List.of("Id, (SELECT Id FROM Cases)")), "x")).isInstanceOf(CalloutFailure.class);
        assertThatThrownBy(() -> StructuredQuery.soql(lookup("sObjectType", "Contact", "conditions",
                List.of(Map.of("field", "Name", "operator", "Equals", "value", "a")), "filterLogic", "1 OR 2"), "x"))
                .isInstanceOf(CalloutFailure.class).hasMessageContaining("condition 2");
        assertThatThrownBy(() -> StructuredQuery.soql(lookup("sObjectType", "Contact", "conditions",
                List.of(Map.of("field", "Name", "operator", "Sounds", "value", "a"))), "x"))
                .isInstanceOf(CalloutFailure.class).hasMessageContaining("unsupported operator 'Sounds'");
    }

    @Test
    void theActionNameStandsInForAMissingObjectAndTheLimitIsBounded() {
        assertThat(StructuredQuery.soql(lookup("maxResults", 1_000_000), "Account"))
                .isEqualTo("SELECT Id FROM Account LIMIT 2000");
    }
}
