package dev.parley.gateway.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.gateway.runtime.RuntimeClient;
import dev.parley.gateway.runtime.RuntimeRejectedException;
import dev.parley.platform.logging.MdcKeys;
import dev.parley.runtime.api.EndSessionCommand;
import dev.parley.runtime.api.InboundType;
import dev.parley.runtime.api.MessageCommand;
import dev.parley.runtime.api.OutboundMessage;
import dev.parley.runtime.api.StartSessionCommand;
import dev.parley.runtime.api.TurnErrorCode;
import dev.parley.runtime.api.TurnReply;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs the turns of channel conversations: the one place where a normalised {@link InboundMessage} becomes runtime
 * calls. A conversation's first message starts a session (its welcome messages are part of that message's reply);
 * every message is sent with the sequence id {@link ChannelSessions} allocated for its platform message id, so a
 * platform retry is answered from the runtime's recorded reply. A stale sequence id (a later message overtook this
 * one) gets a new one; an ended or expired session makes the message open the next session. A numeric text reply
 * picks the choice of that number when the bot's last reply offered choices (channels that render choices as text).
 */
public class ChannelTurns {

    /** What to do with a message whose id was seen before. */
    public enum Duplicates {
        /** Acknowledge without work when it was delivered or is being processed (platforms that retry webhooks). */
        SKIP,
        /** Answer it again from the recorded reply (replies sent inline in the webhook's response). */
        REPLAY
    }

    /** An accepted message and its allocation; hand it to {@link #run} and then {@link #delivered}. */
    public record Ticket(InboundMessage message, Allocation allocation) {
    }

    static final String SESSION_KEY_PREFIX = "parley-channel:";

    private static final Logger log = LoggerFactory.getLogger(ChannelTurns.class);

    private static final Pattern NUMBER = Pattern.compile("\\s*(\\d{1,3})\\s*[.)]?\\s*");

    private static final int MAX_ATTEMPTS = 3;

    private final ChannelSessions sessions;

    private final RuntimeClient runtime;

    private final String forceConfigEndpoint;

    private final MeterRegistry meters;

    public ChannelTurns(ChannelSessions sessions, RuntimeClient runtime, String forceConfigEndpoint,
            MeterRegistry meters) {
        this.sessions = sessions;
        this.runtime = runtime;
        this.forceConfigEndpoint = forceConfigEndpoint;
        this.meters = meters;
    }

    /**
     * Allocates the message's sequence id. Empty when the message is a duplicate that {@code duplicates} says to
     * acknowledge without work.
     */
    public Optional<Ticket> accept(InboundMessage message, Duplicates duplicates) {
        boolean claim = duplicates == Duplicates.SKIP;
        Allocation allocation = sessions.allocate(ConversationRef.of(message), message.messageId(), claim);
        if (allocation.retry() && claim && (allocation.delivered() || !allocation.claimed())) {
            count(message, "duplicate");
            log.info("Message {} of {} was {}; acknowledged without work", message.messageId(),
                    message.binding().key(), allocation.delivered() ? "delivered before" : "in progress elsewhere");
            return Optional.empty();
        }
        count(message, allocation.retry() ? "retried" : "accepted");
        return Optional.of(new Ticket(message, allocation));
    }

    /**
     * Runs the ticket's turn and answers the bot's messages (the session's welcome first when this message started
     * it). Throws the runtime's exceptions when the turn cannot be run.
     */
    public List<OutboundMessage> run(Ticket ticket) {
        InboundMessage message = ticket.message();
        ConversationRef conversation = ConversationRef.of(message);
        ChannelBinding binding = message.binding();
        Allocation allocation = ticket.allocation();
        List<OutboundMessage> out = new ArrayList<>();
        try (var org = MDC.putCloseable(MdcKeys.ORG_ID, binding.orgId())) {
            for (int attempt = 1; ; attempt++) {
                String sessionId;
                if (allocation.firstOfGeneration()) {
                    TurnReply started = start(conversation, allocation.generation());
                    out.addAll(started.messages());
                    sessionId = started.sessionId();
                    if (!(message.content() instanceof InboundContent.Text) || ended(started.messages())) {
                        // a button press or "Get Started" opening a conversation only starts it
                        remember(conversation, allocation.generation(), started.messages());
                        return out;
                    }
                }
                else {
                    String generation = allocation.generation();
                    sessionId = sessions.sessionId(conversation, generation)
                            .orElseGet(() -> start(conversation, generation).sessionId());
                }
                MDC.put(MdcKeys.SESSION_ID, sessionId);
                try {
                    MessageCommand command = command(message.content(), conversation, allocation);
                    TurnReply reply = runtime.message(binding.orgId(), sessionId, command);
                    out.addAll(reply.messages());
                    remember(conversation, allocation.generation(), reply.messages());
                    return out;
                }
                catch (RuntimeRejectedException e) {
                    boolean stale = e.code() == TurnErrorCode.STALE_SEQUENCE;
                    boolean gone = e.code() == TurnErrorCode.SESSION_ENDED
                            || e.code() == TurnErrorCode.SESSION_NOT_FOUND;
                    if (attempt >= MAX_ATTEMPTS || !(stale || gone)) {
                        throw e;
                    }
                    log.info("Sequence id {} of message {} was refused with {}; allocating a new one",
                            allocation.sequenceId(), message.messageId(), e.code());
                    allocation = sessions.reallocate(conversation, message.messageId(), allocation, gone);
                }
                finally {
                    MDC.remove(MdcKeys.SESSION_ID);
                }
            }
        }
    }

    /** Whether the conversation has a started session that has not ended (as far as the gateway knows). */
    public boolean sessionRunning(ConversationRef conversation) {
        return sessions.currentGeneration(conversation)
                .flatMap(generation -> sessions.sessionId(conversation, generation))
                .isPresent();
    }

    /**
     * Ends the conversation's current session at the user's request (the widget's "End chat") and answers the bot's
     * closing messages; the conversation's next message starts a new session. Answers nothing when no session runs.
     * Throws the runtime's exceptions when the end cannot be run.
     */
    public List<OutboundMessage> end(ConversationRef conversation, String reason) {
        Optional<String> generation = sessions.currentGeneration(conversation);
        if (generation.isEmpty()) {
            return List.of();
        }
        Optional<String> sessionId = sessions.sessionId(conversation, generation.get());
        if (sessionId.isEmpty()) {
            sessions.endGeneration(conversation, generation.get());
            return List.of();
        }
        ChannelBinding binding = conversation.binding();
        try (var org = MDC.putCloseable(MdcKeys.ORG_ID, binding.orgId());
                var session = MDC.putCloseable(MdcKeys.SESSION_ID, sessionId.get())) {
            TurnReply reply = runtime.end(binding.orgId(), sessionId.get(), new EndSessionCommand(reason));
            sessions.endGeneration(conversation, generation.get());
            return reply.messages();
        }
        catch (RuntimeRejectedException e) {
            if (e.code() != TurnErrorCode.SESSION_ENDED && e.code() != TurnErrorCode.SESSION_NOT_FOUND) {
                throw e;
            }
            // already over at the runtime (ended by the bot, or expired): only the gateway's mapping was left
            sessions.endGeneration(conversation, generation.get());
            return List.of();
        }
    }

    /** Records that the ticket's reply reached the user: retries of the message are acknowledged without work. */
    public void delivered(Ticket ticket) {
        sessions.markDelivered(ConversationRef.of(ticket.message()), ticket.message().messageId());
    }

    /** Gives up the ticket without delivering, so that a platform retry of the message may process it. */
    public void abandon(Ticket ticket) {
        sessions.releaseClaim(ConversationRef.of(ticket.message()), ticket.message().messageId());
    }

    /** The runtime's external session key of one generation; the conversation id stays out of it (it may be PII). */
    static String sessionKey(ChannelBinding binding, String generation) {
        return SESSION_KEY_PREFIX + binding.key() + ":" + generation;
    }

    private TurnReply start(ConversationRef conversation, String generation) {
        ChannelBinding binding = conversation.binding();
        TurnReply started = runtime.start(binding.orgId(), binding.botId(),
                new StartSessionCommand(sessionKey(binding, generation), forceConfigEndpoint, null, List.of(), null));
        sessions.bindSession(conversation, generation, started.sessionId());
        log.info("Conversation of {} runs in session {}", binding.key(), started.sessionId());
        return started;
    }

    private MessageCommand command(InboundContent content, ConversationRef conversation, Allocation allocation) {
        long sequenceId = allocation.sequenceId();
        return switch (content) {
            case InboundContent.ChoiceSelected choice ->
                    new MessageCommand(InboundType.CHOICE, sequenceId, null, null, choice.choiceId(), null, null, null);
            case InboundContent.Postback postback -> text(sequenceId,
                    postback.title() == null || postback.title().isBlank() ? postback.payload() : postback.title());
            case InboundContent.Text text -> {
                Matcher number = NUMBER.matcher(text.text());
                if (number.matches()) {
                    List<String> offered = sessions.rememberedChoices(conversation, allocation.generation());
                    int index = Integer.parseInt(number.group(1));
                    if (index >= 1 && index <= offered.size()) {
                        yield new MessageCommand(InboundType.CHOICE, sequenceId, null, null, offered.get(index - 1),
                                null, null, null);
                    }
                }
                yield text(sequenceId, text.text());
            }
        };
    }

    private static MessageCommand text(long sequenceId, String text) {
        return new MessageCommand(InboundType.TEXT, sequenceId, text, null, null, null, null, null);
    }

    /** Keeps the offered choices for numbered replies, and closes the generation when the session ended. */
    private void remember(ConversationRef conversation, String generation, List<OutboundMessage> messages) {
        if (ended(messages)) {
            sessions.endGeneration(conversation, generation);
            return;
        }
        List<String> offered = List.of();
        for (OutboundMessage message : messages) {
            if ("choices".equals(message.type()) && message.choices() != null) {
                offered = message.choices().stream().map(OutboundMessage.Choice::id).toList();
            }
        }
        sessions.rememberChoices(conversation, generation, offered);
    }

    private static boolean ended(List<OutboundMessage> messages) {
        return messages.stream().anyMatch(m -> "sessionEnded".equals(m.type()));
    }

    private void count(InboundMessage message, String outcome) {
        meters.counter("parley.gateway.channel.inbound", "channel", message.binding().channel().id(), "outcome",
                outcome).increment();
    }
}
