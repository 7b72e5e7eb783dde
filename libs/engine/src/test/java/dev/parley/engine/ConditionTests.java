package dev.parley.engine;

import static dev.parley.engine.Bots.condition;
import static dev.parley.engine.Bots.group;
import static dev.parley.engine.Bots.message;
import static dev.parley.engine.Bots.waitStep;
import static dev.parley.engine.TestBots.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.botmodel.Condition;
import dev.parley.botmodel.Program;
import dev.parley.botmodel.Program.ConditionCheck;
import dev.parley.botmodel.Program.Operator;
import dev.parley.botmodel.Program.ValueType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionTests {

    private static boolean holds(String type, Object left, String operator, String right) {
        ValueType valueType = ValueType.of(type);
        ConditionCheck check = new ConditionCheck(new Condition("X", "ConversationVariable", operator, right), "X",
                Operator.of(operator), valueType, right, null, ConditionCheck.typedOperand(right, valueType));
        return Conditions.holds(check, left, check.typedRight());
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Number   | 10          | GreaterThan          | 9           | true
            Number   | 10          | LessThan             | 9           | false
            Number   | 9.0         | Equals               | 9           | true
            Number   | 9           | NotEquals            | 9.00        | false
            Number   | 9           | GreaterThanOrEqualTo | 9           | true
            Number   | 8.5         | LessThanOrEqualTo    | 9           | true
            Number   | 1,200       | GreaterThan          | 999         | true
            Currency | 19.99       | LessThan             | 20          | true
            Number   | abc         | Equals               | 9           | false
            Number   | abc         | NotEquals            | 9           | true
            Date     | 2024-05-01  | LessThan             | 2024-12-01  | true
            Date     | 2024-05-01  | Equals               | 2024-05-01  | true
            Date     | 2024-12-01  | GreaterThanOrEqualTo | 2024-05-01  | true
            DateTime | 2024-05-01T10:00:00Z | LessThan    | 2024-05-01T12:00:00+01:00 | true
            DateTime | 2024-05-01T12:00:00Z | Equals      | 2024-05-01T14:00:00+02:00 | true
            Boolean  | true        | Equals               | true        | true
            Boolean  | TRUE        | Equals               | True        | true
            Boolean  | false       | NotEquals            | true        | true
            Boolean  | true        | GreaterThan          | false       | false
            Text     | Gold        | Equals               | gold        | true
            Text     | Gold        | NotEquals            | GOLD        | false
            Text     | apple       | LessThan             | Banana      | true
            Text     | Gold member | Contains             | MEMBER      | true
            Text     | Gold member | StartsWith           | gold        | true
            Text     | Gold member | EndsWith             | gold        | false
            Id       | 003AbC      | Equals               | 003abc      | false
            Id       | 003AbC      | Equals               | 003AbC      | true
            Text     | x           | UnknownOperator      | x           | false
            """)
    void operatorsCompareByTheVariablesType(String type, String left, String operator, String right,
            boolean expected) {
        Object value = switch (type) {
            case "Boolean" -> Values.bool(left) != null ? Values.bool(left) : left;
            default -> left;
        };
        assertThat(holds(type, value, operator, right)).isEqualTo(expected);
    }

    @Test
    void numbersCompareNumericallyNotAsText() {
        assertThat(holds("Number", 10, "GreaterThan", "9")).isTrue();
        assertThat(holds("Number", 1.5, "Equals", "1.50")).isTrue();
        // an undeclared variable compares numerically when both sides read as numbers
        assertThat(holds("Unknown", "10", "GreaterThan", "9")).isTrue();
        assertThat(holds("Unknown", "ten", "Equals", "TEN")).isTrue();
        assertThat(holds("Unknown", true, "Equals", "true")).isTrue();
    }

    @Test
    void isSetAndIsNotSetTreatBlankTextAndEmptyListsAsUnset() {
        assertThat(holds("Text", "x", "IsSet", null)).isTrue();
        assertThat(holds("Text", " ", "IsSet", null)).isFalse();
        assertThat(holds("Text", null, "IsNotSet", null)).isTrue();
        assertThat(holds("Object", List.of(), "IsNotSet", null)).isTrue();
        assertThat(holds("Number", 0, "IsSet", null)).isTrue();
    }

    @Test
    void anUnsetVariableEqualsOnlyNothingAndIsNeitherGreaterNorLess() {
        assertThat(holds("Text", null, "Equals", "x")).isFalse();
        assertThat(holds("Text", null, "NotEquals", "x")).isTrue();
        assertThat(holds("Text", null, "Equals", null)).isTrue();
        assertThat(holds("Number", null, "GreaterThan", "1")).isFalse();
        assertThat(holds("Number", null, "LessThan", "1")).isFalse();
    }

    @Test
    void aListHoldsWhenOneOfItsElementsDoes() {
        assertThat(holds("Text", List.of("a", "B"), "Equals", "b")).isTrue();
        assertThat(holds("Text", List.of("a", "B"), "NotEquals", "b")).isFalse();
        assertThat(holds("Number", List.of(1, 5), "GreaterThan", "4")).isTrue();
    }

    @Test
    void groupsCombineConditionsWithAndOrOrAndMayCompareWithAnotherVariable() {
        Program bot = Bots.bot("Groups").variable("Age", "Number").variable("Tier", "Text")
                .variable("Limit", "Number")
                .dialog("Check",
                        group("And", List.of(condition("Age", "GreaterThanOrEqualTo", "18"),
                                condition("Tier", "Equals", "gold")), message("adult gold")),
                        group("Or", List.of(condition("Age", "LessThan", "18"),
                                condition("Tier", "Equals", "gold")), message("young or gold")),
                        group("And", List.of(), message("always")),
                        group("And", List.of(condition("Age", "GreaterThan", "{!Limit}")), message("over the limit")),
                        waitStep())
                .compile();
        Engine engine = new Engine(EngineLimits.defaults());

        assertThat(texts(engine.start(bot, "a", Map.of("Age", 30, "Tier", "Gold", "Limit", 40), null)))
                .containsExactly("adult gold", "young or gold", "always");
        assertThat(texts(engine.start(bot, "b", Map.of("Age", "12", "Tier", "silver", "Limit", 10), null)))
                .containsExactly("young or gold", "always", "over the limit");
        assertThat(texts(engine.start(bot, "c", Map.of("Age", 30), null))).containsExactly("always");
        TurnResult traced = engine.start(bot, "d", Map.of("Age", 30, "Tier", "gold"), null);
        assertThat(traced.trace()).filteredOn(t -> "Group".equals(t.detail().get("stepType")))
                .extracting(t -> t.detail().get("conditionResult")).containsExactly(true, true, true, false);
    }
}
