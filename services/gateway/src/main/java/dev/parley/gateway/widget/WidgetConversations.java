package dev.parley.gateway.widget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

import dev.parley.gateway.channels.ChannelTurns;
import dev.parley.gateway.channels.ConversationRef;
import dev.parley.gateway.channels.InboundContent;
import dev.parley.gateway.channels.InboundMessage;
import dev.parley.gateway.ratelimit.RateLimitExceededException;
import dev.parley.gateway.ratelimit.RateLimits;
import dev.parley.gateway.runtime.RuntimeRejectedException;
import dev.parley.gateway.runtime.RuntimeUnavailableException;
import dev.parley.platform.logging.MdcKeys;
import dev.parley.runtime.api.OutboundMessage;
import dev.parley.runtime.api.TurnErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;

/**
 * The widget's conversations, whatever the transport: attaches a widget to its conversation ({@code hello}), runs
 * the visitor's frames through the channel contract one at a time per conversation, stores their outcome as
 * numbered events and tells the attached widgets. A frame id that was processed before is acknowledged again and runs
 * nothing; a frame that fails is not recorded, so the widget may send it again.
 */
class WidgetConversations {

    /** The payload of the postback that opens a session (ChannelTurns only starts a session for a non-text opener). */
    static final String START_PAYLOAD = "parley-widget-start";

    private static final Logger log = LoggerFactory.getLogger(WidgetConversations.class);

    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final ConversationTokens tokens;

    private final WidgetStore store;

    private final ChannelTurns turns;

    private final RateLimits rateLimits;

    private final WidgetProtocol protocol;

    private final WidgetHub hub;

    private final SerialQueues queues;

    private final MeterRegistry meters;

    private final Timer turnTimer;

    WidgetConversations(ConversationTokens tokens, WidgetStore store, ChannelTurns turns, RateLimits rateLimits,
            WidgetProtocol protocol, WidgetHub hub, SerialQueues queues, MeterRegistry meters) {
        this.tokens = tokens;
        this.store = store;
        this.turns = turns;
        this.rateLimits = rateLimits;
        this.protocol = protocol;
        this.hub = hub;
        this.queues = queues;
        this.meters = meters;
        this.turnTimer = Timer.builder("parley.gateway.widget.turn").description("widget frames processed")
                .publishPercentileHistogram(false).register(meters);
    }

    /**
     * Where a {@code hello} leads.
     *
     * @param conversation the conversation the widget is attached to
     * @param token        its token (the presented one when resumed, else a new one)
     * @param resumed      false when the widget must forget its transcript and start from seq 0
     * @param lastSeq      the conversation's last seq
     */
    record Attached(ConversationRef conversation, String token, boolean resumed, long lastSeq) {
    }

    /**
     * Resumes the conversation of {@code hello}'s token when it is valid for {@code bot} and its events are still
     * there (or it never had any), else opens a new conversation with a new token. Stores nothing.
     */
    Attached hello(WidgetBot bot, ClientFrame.Hello hello) {
        if (hello.token() != null) {
            Optional<String> id = tokens.conversationId(bot, hello.token());
            if (id.isPresent()) {
                ConversationRef conversation = new ConversationRef(bot.binding(), id.get());
                OptionalLong lastSeq = store.lastSeq(conversation);
                if (lastSeq.isPresent() ? hello.lastSeq() <= lastSeq.getAsLong() : hello.lastSeq() == 0) {
                    count("hello", "resumed");
                    return new Attached(conversation, hello.token(), true, lastSeq.orElse(0));
                }
            }
            log.info("A widget of {} presented an unknown or expired conversation; starting a new one",
                    bot.binding().key());
        }
        String token = tokens.issue(bot);
        count("hello", "new");
        return new Attached(new ConversationRef(bot.binding(), tokens.conversationId(bot, token).orElseThrow()),
                token, false, 0);
    }

    /** The conversation of an HTTP request's token, or {@link InvalidTokenException}. */
    ConversationRef conversation(WidgetBot bot, String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("A conversation token is required; send a hello first");
        }
        return tokens.conversationId(bot, token).map(id -> new ConversationRef(bot.binding(), id))
                .orElseThrow(() -> new InvalidTokenException("The conversation token is not valid for org '"
                        + bot.orgId() + "' bot '" + bot.botId() + "'; send a hello without it"));
    }

    /**
     * Processes {@code input} after the conversation's earlier frames. Completes with the acknowledgement, or with a
     * {@link WidgetRejectedException} or {@link RateLimitExceededException}.
     */
    CompletableFuture<WidgetProtocol.Acknowledged> submit(ConversationRef conversation, ClientFrame.Input input) {
        return queues.submit(conversation.key(), () -> {
            try (var org = MDC.putCloseable(MdcKeys.ORG_ID, conversation.binding().orgId())) {
                return turnTimer.record(() -> process(conversation, input));
            }
        });
    }

    /** The stored events after {@code seq}. */
    List<String> eventsAfter(ConversationRef conversation, long seq) {
        return store.eventsAfter(conversation, seq);
    }

    /** The widget stored everything up to {@code seq}. */
    void acknowledge(ConversationRef conversation, long seq) {
        store.acknowledge(conversation, seq);
    }

    private WidgetProtocol.Acknowledged process(ConversationRef conversation, ClientFrame.Input input) {
        String type = type(input);
        try {
            OptionalLong processed = store.processed(conversation, input.id());
            if (processed.isPresent()) {
                count(type, "duplicate");
                return new WidgetProtocol.Acknowledged(input.id(), processed.getAsLong());
            }
            rateLimits.enforce(conversation.binding().orgId(), conversation.key());
            List<String> events = new ArrayList<>();
            switch (input) {
                case ClientFrame.Start start -> {
                    if (!turns.sessionRunning(conversation)) {
                        events.addAll(protocol.botEvents(run(accept(conversation, start.id(),
                                new InboundContent.Postback(START_PAYLOAD, "Start")))));
                    }
                }
                case ClientFrame.Say say -> {
                    List<OutboundMessage> replies = run(accept(conversation, say.id(),
                            new InboundContent.Text(say.text())));
                    events.add(protocol.userEvent(say.id(), say.text(), null));
                    events.addAll(protocol.botEvents(replies));
                }
                case ClientFrame.Choose choose -> {
                    List<OutboundMessage> replies = run(accept(conversation, choose.id(),
                            new InboundContent.ChoiceSelected(choose.choiceId())));
                    events.add(protocol.userEvent(choose.id(), choose.label(), choose.choiceId()));
                    events.addAll(protocol.botEvents(replies));
                }
                case ClientFrame.End end -> {
                    List<OutboundMessage> replies = end(conversation);
                    events.addAll(protocol.botEvents(replies));
                    if (replies.stream().noneMatch(m -> "sessionEnded".equals(m.type()))) {
                        events.add(protocol.sessionEndedEvent(end.id(), "UserRequest"));
                    }
                }
            }
            // Recorded as processed together with its events. ChannelTurns.delivered is not called: it only serves
            // Duplicates.SKIP, and the widget replays duplicates from this store instead (one Redis call saved).
            WidgetStore.Appended appended = store.append(conversation, input.id(), events);
            hub.appended(conversation, appended);
            count(type, "processed");
            return new WidgetProtocol.Acknowledged(input.id(), appended.lastSeq());
        }
        catch (RateLimitExceededException e) {
            count(type, "rate_limited");
            throw e;
        }
        catch (WidgetRejectedException e) {
            count(type, e.code());
            throw e;
        }
        catch (DataAccessException e) {
            count(type, "unavailable");
            log.warn("Widget frame {} not processed: Redis failed: {}", input.id(), e.getMessage());
            throw new TurnUnavailableException("The chat cannot take messages right now; retrying", RETRY_AFTER);
        }
    }

    private ChannelTurns.Ticket accept(ConversationRef conversation, String id, InboundContent content) {
        InboundMessage message = new InboundMessage(conversation.binding(), conversation.conversationId(), id,
                content);
        return turns.accept(message, ChannelTurns.Duplicates.REPLAY).orElseThrow();
    }

    private List<OutboundMessage> run(ChannelTurns.Ticket ticket) {
        try {
            return turns.run(ticket);
        }
        catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private List<OutboundMessage> end(ConversationRef conversation) {
        try {
            return turns.end(conversation, "UserRequest");
        }
        catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private RuntimeException translate(RuntimeException e) {
        if (e instanceof RuntimeUnavailableException) {
            log.warn("Widget turn not run: the runtime is unavailable: {}", e.getMessage());
            return new TurnUnavailableException("The bot is not reachable right now; retrying", RETRY_AFTER);
        }
        if (e instanceof RuntimeRejectedException rejected) {
            if (rejected.code() == TurnErrorCode.SESSION_BUSY || rejected.code() == TurnErrorCode.UNAVAILABLE) {
                log.info("Widget turn not run now: {}", rejected.getMessage());
                return new TurnUnavailableException("The bot is busy; retrying", RETRY_AFTER);
            }
            log.info("Widget turn refused: {}", rejected.getMessage());
            return new TurnRefusedException(refusal(rejected.code()));
        }
        return e;
    }

    private static String refusal(TurnErrorCode code) {
        return switch (code) {
            case INVALID_INPUT -> "The bot could not take that answer (the choice may no longer be offered)";
            case BOT_NOT_FOUND -> "This bot is not available right now";
            case BOT_ERROR -> "The bot ran into a problem with its definition";
            default -> "The bot could not take the message (" + code + ")";
        };
    }

    private static String type(ClientFrame.Input input) {
        return switch (input) {
            case ClientFrame.Start s -> "start";
            case ClientFrame.Say s -> "message";
            case ClientFrame.Choose c -> "choice";
            case ClientFrame.End e -> "end";
        };
    }

    private void count(String type, String outcome) {
        meters.counter("parley.gateway.widget.frames", "type", type, "outcome", outcome).increment();
    }
}
