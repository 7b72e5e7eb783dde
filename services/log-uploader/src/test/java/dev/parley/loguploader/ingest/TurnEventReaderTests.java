package dev.parley.loguploader.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.loguploader.ingest.TurnEventReader.IncomingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class TurnEventReaderTests {

    private static final String ID = "6f1c2b44-2a3e-3b8e-9e43-3f0a3b1d2c11";

    private final TurnEventReader reader = new TurnEventReader(JsonMapper.builder().build());

    @Test
    void routingFactsAreReadAndTheJsonPassesUnchanged() {
        String json = "{\"eventId\":\"" + ID + "\",\"type\":\"New\",\"orgId\":\"o\",\"botId\":\"b\","
                + "\"sessionId\":\"s\",\"extra\":{\"orgId\":\"nested\"},\"data\":{\"n\":[1,{\"x\":2}]}}";

        IncomingEvent event = reader.read(json);

        assertThat(event.eventId()).hasToString(ID);
        assertThat(event.orgId()).isEqualTo("o");
        assertThat(event.botId()).isEqualTo("b");
        assertThat(event.sessionId()).isEqualTo("s");
        assertThat(event.privateData()).isFalse();
        assertThat(reader.render(event)).isSameAs(json);
    }

    @Test
    void aPrivateEventIsRedactedWhenRendered() {
        IncomingEvent event = reader.read("{\"eventId\":\"" + ID + "\",\"type\":\"MessageReceived\",\"orgId\":\"o\","
                + "\"sessionId\":\"s\",\"data\":{\"text\":\"secret\",\"logPrivateConversationData\":false}}");

        assertThat(event.privateData()).isTrue();
        assertThat(reader.render(event)).contains("\"text\":\"[redacted]\"").doesNotContain("secret");
    }

    @Test
    void aMissingBotIdIsEmpty() {
        assertThat(reader.read("{\"eventId\":\"" + ID + "\",\"orgId\":\"o\",\"sessionId\":\"s\"}").botId()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{not json|the record is not JSON",
            "[1,2]|the record is not a JSON object",
            "{\"orgId\":\"o\",\"sessionId\":\"s\"}|eventId is missing or not a UUID",
            "{\"eventId\":\"x\",\"orgId\":\"o\",\"sessionId\":\"s\"}|eventId is missing or not a UUID",
            "{\"eventId\":\"" + ID + "\",\"sessionId\":\"s\"}|orgId is missing or not a string",
            "{\"eventId\":\"" + ID + "\",\"orgId\":7,\"sessionId\":\"s\"}|orgId is missing or not a string",
            "{\"eventId\":\"" + ID + "\",\"orgId\":\"o\"}|sessionId is missing or not a string",
            "{\"eventId\":\"" + ID + "\",\"orgId\":\"o\",\"sessionId\":\"s\"} {}|the record holds more than one JSON value",
            "{\"eventId\":\"" + ID + "\",\"orgId\":\"o\",\"sessionId\":\"s\"} trailing|the record is not JSON"})
    void recordsThatAreNoTurnEventsAreRefusedWithTheReason(String json, String reason) {
        assertThatThrownBy(() -> reader.read(json)).isInstanceOf(PoisonEventException.class).hasMessageStartingWith(reason);
    }
}
