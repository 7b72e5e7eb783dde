package dev.parley.gateway.widget;

import java.util.List;

import dev.parley.runtime.api.OutboundMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WidgetProtocolTests {

    final WidgetProtocol protocol = new WidgetProtocol(JsonMapper.builder().build(), 100);

    @Test
    void readsEveryClientFrame() {
        assertThat(protocol.read("{\"type\":\"hello\",\"v\":1,\"token\":\"t\",\"lastSeq\":7}"))
                .isEqualTo(new ClientFrame.Hello("t", 7));
        assertThat(protocol.read("{\"type\":\"hello\"}")).isEqualTo(new ClientFrame.Hello(null, 0));
        assertThat(protocol.read("{\"type\":\"start\",\"id\":\"s1\"}")).isEqualTo(new ClientFrame.Start("s1"));
        assertThat(protocol.read("{\"type\":\"message\",\"id\":\"m1\",\"text\":\"hi\",\"extra\":true}"))
                .isEqualTo(new ClientFrame.Say("m1", "hi"));
        assertThat(protocol.read("{\"type\":\"choice\",\"id\":\"c1\",\"choiceId\":\"x\",\"label\":\"X\"}"))
                .isEqualTo(new ClientFrame.Choose("c1", "x", "X"));
        assertThat(protocol.read("{\"type\":\"end\",\"id\":\"e1\"}")).isEqualTo(new ClientFrame.End("e1"));
        assertThat(protocol.read("{\"type\":\"ack\",\"seq\":3}")).isEqualTo(new ClientFrame.Ack(3));
        assertThat(protocol.read("{\"type\":\"ping\"}")).isEqualTo(new ClientFrame.Ping());
        assertThat(protocol.read("{\"type\":\"pong\"}")).isEqualTo(new ClientFrame.Pong());
    }

    @Test
    void refusesBadFramesSayingWhatIsWrong() {
        assertRefused("[1,2]", "The frame is not a JSON object");
        assertRefused("{\"type\":", "The frame is not valid JSON");
        assertRefused("{}", "The frame has no 'type'");
        assertRefused("{\"type\":\"hello\",\"v\":2}", "Protocol version 2 is not supported; this gateway speaks 1");
        assertRefused("{\"type\":\"hello\",\"lastSeq\":-1}", "'lastSeq' must be 0 or more, was -1");
        assertRefused("{\"type\":\"hello\",\"lastSeq\":\"x\"}", "Field 'lastSeq' of the frame has the wrong type");
        assertRefused("{\"type\":\"message\",\"text\":\"hi\"}",
                "A message frame needs an 'id' of 1-64 characters of [A-Za-z0-9_.:-], was missing");
        assertRefused("{\"type\":\"message\",\"id\":\"m\",\"text\":\"  \"}", "A message needs a non-blank 'text'");
        assertRefused("{\"type\":\"message\",\"id\":\"m\",\"text\":\"" + "x".repeat(101) + "\"}",
                "'text' may have at most 100 characters, had 101");
        assertRefused("{\"type\":\"choice\",\"id\":\"c\"}", "A choice needs a 'choiceId' of 1-256 characters");
        assertRefused("{\"type\":\"ack\"}", "An ack needs a 'seq' of 0 or more");
        assertRefused("{\"type\":\"dance\"}",
                "Unknown frame type 'dance'; expected hello, start, message, choice, end, ack, ping or pong");
    }

    @Test
    void aRefusedFrameKeepsItsIdSoTheWidgetKnowsWhichMessageFailed() {
        assertThatThrownBy(() -> protocol.read("{\"type\":\"message\",\"id\":\"m9\"}"))
                .isInstanceOfSatisfying(InvalidFrameException.class, e -> assertThat(e.frameId()).isEqualTo("m9"));
    }

    @Test
    void rendersTheBotsMessagesAsEvents() {
        List<String> events = protocol.botEvents(List.of(
                new OutboundMessage("text", "t1", "Hi <b>", null, null, null, null, 1500),
                new OutboundMessage("choices", "c1", null, List.of(new OutboundMessage.Choice("Yes", "1", "y")),
                        "menu", null, null, 0),
                new OutboundMessage("escalate", "e1", null, null, null, null,
                        List.of(new OutboundMessage.EscalationTarget("Queue", "Support")), 0),
                new OutboundMessage("sessionEnded", "s1", null, null, null, "Action", null, 0),
                new OutboundMessage("hologram", "h1", null, null, null, null, null, 0)));
        assertThat(events).containsExactly(
                "{\"kind\":\"text\",\"id\":\"t1\",\"text\":\"Hi <b>\",\"delayMs\":1500}",
                "{\"kind\":\"choices\",\"id\":\"c1\",\"widget\":\"menu\",\"choices\":[{\"id\":\"y\",\"label\":\"Yes\"}]}",
                "{\"kind\":\"escalate\",\"id\":\"e1\",\"targets\":[{\"type\":\"Queue\",\"value\":\"Support\"}]}",
                "{\"kind\":\"sessionEnded\",\"id\":\"s1\",\"reason\":\"Action\"}");
        assertThat(WidgetStore.frame(7, events.getFirst())).isEqualTo(
                "{\"type\":\"event\",\"seq\":7,\"kind\":\"text\",\"id\":\"t1\",\"text\":\"Hi <b>\",\"delayMs\":1500}");
        assertThat(SocketConnection.seqOf(WidgetStore.frame(7, events.getFirst()))).isEqualTo(7);
    }

    private void assertRefused(String frame, String message) {
        assertThatThrownBy(() -> protocol.read(frame)).isInstanceOf(InvalidFrameException.class).hasMessage(message);
    }
}
