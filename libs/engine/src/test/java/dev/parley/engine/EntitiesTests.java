package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EntitiesTests {

    @Test
    void numbersAreTheFirstNumberInTheTextInCanonicalForm() {
        assertThat(Entities.number("I'd like 3, no 4")).isEqualTo(3);
        assertThat(Entities.number("+7")).isEqualTo(7);
        assertThat(Entities.number("1,234,567.890")).isEqualTo(1234567.89);
        assertThat(Entities.number("99999999999")).isEqualTo(99999999999L);
        assertThat(Entities.number("room B12")).isNull();
        assertThat(Entities.number("no numbers")).isNull();
    }

    @Test
    void amountsIgnoreCurrencySignsAndCodes() {
        assertThat(Entities.currency("€ 12.50")).isEqualTo(12.5);
        assertThat(Entities.currency("USD 3")).isEqualTo(3);
        assertThat(Entities.currency("10 dollars")).isEqualTo(10);
    }

    @Test
    void booleansReadTheWholeAnswer() {
        assertThat(Entities.bool("Sure!")).isTrue();
        assertThat(Entities.bool("  NO ")).isFalse();
        assertThat(Entities.bool("no idea")).isNull();
    }

    @Test
    void datesAreValidatedAndNeverRelative() {
        assertThat(Entities.date("2023-02-29")).isNull();
        assertThat(Entities.date("Sept 3 2024")).hasToString("2024-09-03");
        assertThat(Entities.date("1st of March, 2025")).hasToString("2025-03-01");
        assertThat(Entities.date("next friday")).isNull();
    }

    @Test
    void dateTimesTakeAnOffsetOrAreUtc() {
        assertThat(Entities.dateTime("2024-05-31 10:15")).hasToString("2024-05-31T10:15:00Z");
        assertThat(Entities.dateTime("2024-05-31 10:15+02:00")).hasToString("2024-05-31T08:15:00Z");
        assertThat(Entities.dateTime("5/31/2024 12am")).hasToString("2024-05-31T00:00:00Z");
        assertThat(Entities.dateTime("5/31/2024 13pm")).isNull();
        assertThat(Entities.dateTime("May 31, 2024 10:15 GMT+1")).hasToString("2024-05-31T09:15:00Z");
    }

    @Test
    void hostileLongAnswersAreCheap() {
        String longWord = "a".repeat(200_000) + "@";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(Entities.extract("_Email", longWord)).isNull();
            assertThat(Entities.extract("_Number", "9".repeat(200_000))).isNull();
            assertThat(Entities.extract("_Text", longWord)).isEqualTo(longWord);
            assertThat(Entities.email("x".repeat(900) + "@" + "y".repeat(5000))).isNull();
        });
    }
}
