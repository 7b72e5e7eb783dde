package dev.parley.eventsconsumer.ingest;

import dev.parley.eventsconsumer.TestKafka;
import dev.parley.eventsconsumer.TurnEventStream;
import dev.parley.eventsconsumer.TurnEventStream.Conversation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class MetricDeltasTests {

    private final TurnEventParser parser = new TurnEventParser(JsonMapper.builder().build());

    private List<IncomingEvent> conversation() {
        return TurnEventStream.conversation("00D1", "bot", "v1", "s-1", Instant.parse("2026-05-01T10:00:00Z"), null)
                .stream().map(e -> parser.parse(TestKafka.json(e), 0, 0)).toList();
    }

    @Test
    void countsOnceEveryFactOfAConversationIntoItsMinute() {
        MetricDeltas deltas = MetricDeltas.of(conversation());
        deltas.countNewMarkers(deltas.markers().stream().map(MetricDeltas.Marker::key).collect(Collectors.toSet()));

        assertThat(sum(deltas, MetricDeltas.ENTRIES)).isEqualTo(Conversation.ENTRIES);
        assertThat(sum(deltas, MetricDeltas.COMPLETIONS)).isEqualTo(Conversation.COMPLETIONS);
        assertThat(sum(deltas, MetricDeltas.TRANSFERS)).isEqualTo(Conversation.TRANSFERS);
        assertThat(sum(deltas, MetricDeltas.ERRORS)).isEqualTo(Conversation.ERRORS);
        assertThat(sum(deltas, MetricDeltas.CONFUSED)).isEqualTo(Conversation.CONFUSED);
        assertThat(deltas.bots().values().stream().mapToLong(c -> c[MetricDeltas.TURNS]).sum())
                .isEqualTo(Conversation.TURNS);
        assertThat(deltas.latencies().values().stream().mapToLong(c -> c[0]).sum()).isEqualTo(Conversation.TURNS);
        // the confused turn reports it twice (InputNotUnderstood, then the Confused dialog): the first one counts
        assertThat(deltas.markers()).hasSize(2);
        assertThat(deltas.dialogs().entrySet().stream()
                .filter(e -> e.getValue()[MetricDeltas.CONFUSED] > 0).map(e -> e.getKey().dialog()))
                .containsExactly("Main_Menu");
    }

    @Test
    void markersSeenInAnEarlierBatchAddNothing() {
        MetricDeltas deltas = MetricDeltas.of(conversation());
        deltas.countNewMarkers(Set.of());

        assertThat(sum(deltas, MetricDeltas.TRANSFERS)).isZero();
        assertThat(sum(deltas, MetricDeltas.CONFUSED)).isZero();
    }

    private static long sum(MetricDeltas deltas, int counter) {
        return deltas.dialogs().values().stream().mapToLong(c -> c[counter]).sum();
    }
}
