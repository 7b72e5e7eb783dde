package dev.parley.eventsconsumer.ingest;

import dev.parley.eventsconsumer.TestKafka;
import dev.parley.eventsconsumer.TurnEventStream;
import dev.parley.runtime.api.TurnEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TurnEventParserTests {

    private final TurnEventParser parser = new TurnEventParser(JsonMapper.builder().build());

    private static final TurnEvent EVENT = TurnEventStream.session("00D1", "bot", "v1", "s-1",
            Instant.parse("2026-05-01T10:00:00Z"), false)
            .turn().turn()
            .event("VariableChanged", "dialog", "Main", "step", "s2", "variable", "Name", "value", "Ann",
                    "unknownKey", Map.of("kept", true))
            .events().getFirst();

    @Test
    void readsTheRuntimesJsonOfATurnEvent() {
        IncomingEvent event = parser.parse(TestKafka.json(EVENT), 2, 41);

        assertThat(event.eventId()).isEqualTo(EVENT.eventId());
        assertThat(event.type()).isEqualTo("VariableChanged");
        assertThat(event.orgId()).isEqualTo("00D1");
        assertThat(event.versionId()).isEqualTo("v1");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-05-01T10:00:10Z"));
        assertThat(event.turn()).isEqualTo(2);
        assertThat(event.sequenceId()).isEqualTo(2L);
        assertThat(event.dialog()).isEqualTo("Main");
        assertThat(event.step()).isEqualTo("s2");
        assertThat(event.privateDataLogged()).isFalse();
        assertThat(event.data().path("unknownKey").path("kept").asBoolean()).isTrue();
        assertThat(event.partition()).isEqualTo(2);
        assertThat(event.offset()).isEqualTo(41);
    }

    @Test
    void keepsTheSourceTextOfDataSoThatItIsNotWrittenAgain() {
        String json = """
                {"eventId":"6f1c2f4e-64f5-3f3a-9a8e-0c1f2a3b4c5d","type":"T","orgId":"o","botId":"b",
                 "data" : { "dialog":"D", "n": 1.50, "nested": {"a": [1, {"b": null}]} } ,
                 "botVersion":"v","sessionId":"s","occurredAt":"2026-05-01T10:00:00.123456Z","turn":3}""";

        IncomingEvent event = parser.parse(json, 0, 0);

        assertThat(event.rawData()).isEqualTo("{ \"dialog\":\"D\", \"n\": 1.50, \"nested\": {\"a\": [1, {\"b\": null}]} }");
        assertThat(JsonMapper.builder().build().readTree(event.rawData())).isEqualTo(event.data());
        assertThat(event.dataJson(JsonMapper.builder().build(), false)).isSameAs(event.rawData());
        assertThat(event.dataJson(JsonMapper.builder().build(), true)).isEqualTo(
                "{\"dialog\":\"D\",\"n\":1.5,\"nested\":{\"a\":[1,{\"b\":null}]}}");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-05-01T10:00:00.123456Z"));
    }

    @Test
    void writesDataAgainWhenItsTextHadToChange() {
        String json = TestKafka.json(EVENT).replace("\"Ann\"", "\"A\\u0000nn\"");

        IncomingEvent event = parser.parse(json, 0, 0);

        assertThat(event.rawData()).isNull();
        assertThat(event.dataJson(JsonMapper.builder().build(), false)).contains("A\uFFFDnn");
    }

    @Test
    void writesDataAgainWhenItHoldsEscapedSurrogatesWhichPostgresMayRefuse() {
        String json = TestKafka.json(EVENT).replace("\"Ann\"", "\"A\\ud800nn\"");

        assertThat(parser.parse(json, 0, 0).rawData()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"eventId\":\"6f1c2f4e-64f5-3f3a-9a8e-0c1f2a3b4c5d\"|not valid JSON",
            "{\"eventId\":\"6f1c2f4e-64f5-3f3a-9a8e-0c1f2a3b4c5d\"} trailing|not valid JSON",
            "{\"eventId\":\"6f1c2f4e-64f5-3f3a-9a8e-0c1f2a3b4c5d\",\"data\":{\"a\":}}|not valid JSON",
            "\"just a string\"|not a JSON object"})
    void brokenJsonIsPoisonWhereverItBreaks(String value, String problem) {
        assertThatThrownBy(() -> parser.parse(value, 0, 0)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void acceptsNumericInstantsAndMissingOptionalFields() {
        IncomingEvent event = parser.parse("""
                {"eventId":"6f1c2f4e-64f5-3f3a-9a8e-0c1f2a3b4c5d","type":"Future","orgId":"o","botId":"b",
                 "botVersion":"v","sessionId":"s","occurredAt":1777629600.5,"turn":0}""", 0, 0);

        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-05-01T10:00:00.5Z"));
        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.data().isEmpty()).isTrue();
        assertThat(event.privateDataLogged()).isNull();
    }

    @Test
    void replacesNulCharactersWhichPostgresCannotStore() {
        String json = TestKafka.json(EVENT).replace("\"Ann\"", "\"A\\u0000nn\"");

        assertThat(parser.parse(json, 0, 0).data().path("value").asString()).isEqualTo("A\uFFFDnn");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json at all|not valid JSON",
            "[1,2]|not a JSON object",
            "{\"type\":\"X\"}|eventId is missing",
            "{\"eventId\":\"nope\"}|eventId 'nope' is not a UUID",
            "{\"eventId\":\"6f1c2f4e-64f5-3f3a-9a8e-0c1f2a3b4c5d\",\"type\":\"\"}|type is missing",
            "{\"eventId\":\"6f1c2f4e-64f5-3f3a-9a8e-0c1f2a3b4c5d\",\"type\":\"T\",\"orgId\":\"o\",\"botId\":\"b\",\"botVersion\":\"v\",\"sessionId\":\"s\",\"turn\":1}|occurredAt is missing",
            "{\"eventId\":\"6f1c2f4e-64f5-3f3a-9a8e-0c1f2a3b4c5d\",\"type\":\"T\",\"orgId\":\"o\",\"botId\":\"b\",\"botVersion\":\"v\",\"sessionId\":\"s\",\"occurredAt\":\"yesterday\",\"turn\":1}|occurredAt 'yesterday' is not an ISO-8601 instant",
            "{\"eventId\":\"6f1c2f4e-64f5-3f3a-9a8e-0c1f2a3b4c5d\",\"type\":\"T\",\"orgId\":\"o\",\"botId\":\"b\",\"botVersion\":\"v\",\"sessionId\":\"s\",\"occurredAt\":\"2026-05-01T10:00:00Z\",\"turn\":-1}|turn must be a non-negative integer",
            "{\"eventId\":\"6f1c2f4e-64f5-3f3a-9a8e-0c1f2a3b4c5d\",\"type\":\"T\",\"orgId\":\"o\",\"botId\":\"b\",\"botVersion\":\"v\",\"sessionId\":\"s\",\"occurredAt\":\"2026-05-01T10:00:00Z\",\"turn\":1,\"data\":[1]}|data must be a JSON object",
            "{\"eventId\":\"6f1c2f4e-64f5-3f3a-9a8e-0c1f2a3b4c5d\",\"type\":\"T\",\"orgId\":{\"a\":1}}|orgId must be a string"})
    void saysPreciselyWhyARecordIsNotATurnEvent(String value, String problem) {
        assertThatThrownBy(() -> parser.parse(value, 0, 0)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void anEmptyRecordIsPoison() {
        assertThatThrownBy(() -> parser.parse(null, 0, 0)).isInstanceOf(PoisonEventException.class)
                .hasMessage("the record has no value");
    }
}
