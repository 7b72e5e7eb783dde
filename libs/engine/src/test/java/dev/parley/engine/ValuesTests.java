package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.botmodel.Program.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTests {

    @Test
    void numbersAreCanonicalSoThatJsonRoundTripsKeepThemEqual() {
        assertThat(Values.canonical(5L)).isEqualTo(5);
        assertThat(Values.canonical(new BigDecimal("2.50"))).isEqualTo(2.5);
        assertThat(Values.canonical(new BigDecimal("2.00"))).isEqualTo(2);
        assertThat(Values.canonical(BigInteger.TEN.pow(12))).isEqualTo(1_000_000_000_000L);
        assertThat(Values.canonical(3.0f)).isEqualTo(3);
        assertThat(Values.canonical(Double.NaN)).isNull();
        assertThat(Values.canonical(Map.of("n", 1L, "l", List.of(2.0)))).isEqualTo(Map.of("n", 1, "l", List.of(2)));
    }

    @Test
    void conversionFollowsTheDeclaredType() throws Values.ConversionException {
        assertThat(Values.convert(42, ValueType.TEXT, false)).isEqualTo("42");
        assertThat(Values.convert(2.50, ValueType.TEXT, false)).isEqualTo("2.5");
        assertThat(Values.convert(" 7 ", ValueType.NUMBER, false)).isEqualTo(7);
        assertThat(Values.convert("false", ValueType.BOOLEAN, false)).isEqualTo(false);
        assertThat(Values.convert("2024-05-31T23:30:00Z", ValueType.DATE, false)).isEqualTo("2024-05-31");
        assertThat(Values.convert("2024-05-31", ValueType.DATETIME, false)).isEqualTo("2024-05-31T00:00:00Z");
        assertThat(Values.convert(1717200000000L, ValueType.DATETIME, false)).isEqualTo("2024-06-01T00:00:00Z");
        assertThat(Values.convert(Map.of("Id", "001X"), ValueType.ID, false)).isEqualTo("001X");
        assertThat(Values.convert("one", ValueType.TEXT, true)).isEqualTo(List.of("one"));
        assertThat(Values.convert(List.of("9"), ValueType.NUMBER, false)).isEqualTo(9);
        assertThat(Values.convert(List.of("1", "2"), ValueType.NUMBER, true)).isEqualTo(List.of(1, 2));
    }

    @Test
    void valuesThatDoNotFitTheirTypeAreRefusedWithAReason() {
        assertThatThrownBy(() -> Values.convert("many", ValueType.NUMBER, false))
                .hasMessageContaining("'many' is not a number");
        assertThatThrownBy(() -> Values.convert(true, ValueType.NUMBER, false));
        assertThatThrownBy(() -> Values.convert("yes", ValueType.BOOLEAN, false))
                .hasMessageContaining("not true or false");
        assertThatThrownBy(() -> Values.convert("31/05/2024", ValueType.DATE, false))
                .hasMessageContaining("not a date");
        assertThatThrownBy(() -> Values.convert(Map.of("a", 1), ValueType.TEXT, false))
                .hasMessageContaining("record");
        assertThatThrownBy(() -> Values.convert(List.of(1, 2), ValueType.NUMBER, false))
                .hasMessageContaining("list of 2");
    }

    @Test
    void renderingIsPlain() {
        assertThat(Values.render(1.0E10)).isEqualTo("10000000000");
        assertThat(Values.render(0.1)).isEqualTo("0.1");
        assertThat(Values.render(Map.of("Id", "001"))).isEqualTo("001");
        assertThat(Values.render(3, ValueType.CURRENCY)).isEqualTo("3.00");
        assertThat(Values.render(3.125, ValueType.CURRENCY)).isEqualTo("3.125");
        assertThat(Values.render(null)).isEmpty();
    }
}
