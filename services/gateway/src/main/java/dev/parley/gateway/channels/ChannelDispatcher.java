package dev.parley.gateway.channels;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.parley.gateway.runtime.RuntimeRejectedException;
import dev.parley.gateway.runtime.RuntimeUnavailableException;
import dev.parley.runtime.api.OutboundMessage;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;

/**
 * Hands normalised messages to {@link ChannelTurns}: either on a bounded worker pool after the webhook was
 * acknowledged ({@link #dispatch}, for platforms that want a fast 200), or at once for replies that travel in the
 * webhook's own response ({@link #reply}). A full queue refuses with {@link ChannelBusyException} (503) so the
 * platform retries. A turn that cannot run is logged, counted in {@code parley.gateway.channel.turns} and answered
 * with the configured failure text, never dropped silently.
 */
public class ChannelDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChannelDispatcher.class);

    private final ChannelTurns turns;

    private final ChannelsProperties.Texts texts;

    private final MeterRegistry meters;

    private final ThreadPoolExecutor workers;

    private final int queueCapacity;

    public ChannelDispatcher(ChannelTurns turns, ChannelsProperties properties, MeterRegistry meters) {
        this.turns = turns;
        this.texts = properties.texts();
        this.meters = meters;
        this.queueCapacity = properties.queueCapacity();
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(properties.workerThreads(), properties.workerThreads(), 60,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(properties.queueCapacity()), runnable -> {
                    Thread thread = new Thread(runnable, "channel-worker-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.workers.allowCoreThreadTimeOut(true);
        meters.gauge("parley.gateway.channel.queue", workers, pool -> pool.getQueue().size());
    }

    /**
     * Accepts {@code message} and queues its turn; the reply goes out through {@code sender}. Returns at once.
     * A duplicate of a delivered or in-progress message is acknowledged without work.
     */
    public void dispatch(InboundMessage message, ReplySender sender) {
        Optional<ChannelTurns.Ticket> accepted = turns.accept(message, ChannelTurns.Duplicates.SKIP);
        if (accepted.isEmpty()) {
            return;
        }
        ChannelTurns.Ticket ticket = accepted.get();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        try {
            workers.execute(() -> {
                Map<String, String> previous = MDC.getCopyOfContextMap();
                if (mdc != null) {
                    MDC.setContextMap(mdc);
                }
                try {
                    process(ticket, sender);
                }
                finally {
                    if (previous != null) {
                        MDC.setContextMap(previous);
                    }
                    else {
                        MDC.clear();
                    }
                }
            });
        }
        catch (RejectedExecutionException e) {
            turns.abandon(ticket);
            count(message, "busy");
            throw new ChannelBusyException(queueCapacity);
        }
    }

    /**
     * Runs {@code message}'s turn now and answers the messages to send inline; a repeated message id is answered
     * from the recorded reply. When the turn cannot run, answers the failure text.
     */
    public List<OutboundMessage> reply(InboundMessage message) {
        ChannelTurns.Ticket ticket = turns.accept(message, ChannelTurns.Duplicates.REPLAY).orElseThrow();
        try {
            List<OutboundMessage> messages = turns.run(ticket);
            turns.delivered(ticket);
            count(message, "replied");
            return messages;
        }
        catch (RuntimeRejectedException | RuntimeUnavailableException e) {
            count(message, "failed");
            log.warn("The turn of message {} of {} could not run: {}", message.messageId(), message.binding().key(),
                    e.getMessage());
            return List.of(failureText());
        }
    }

    private void process(ChannelTurns.Ticket ticket, ReplySender sender) {
        InboundMessage message = ticket.message();
        List<OutboundMessage> messages;
        try {
            messages = turns.run(ticket);
        }
        catch (RuntimeRejectedException | RuntimeUnavailableException e) {
            count(message, "failed");
            log.warn("The turn of message {} of {} could not run: {}", message.messageId(), message.binding().key(),
                    e.getMessage());
            turns.abandon(ticket);
            sendQuietly(sender, message, List.of(failureText()));
            return;
        }
        catch (RuntimeException e) {
            count(message, "failed");
            log.error("The turn of message {} of {} failed", message.messageId(), message.binding().key(), e);
            turns.abandon(ticket);
            return;
        }
        try {
            sender.send(message, messages);
            turns.delivered(ticket);
            count(message, "replied");
        }
        catch (RuntimeException e) {
            // OutboundHttp has logged and counted the failed call; a platform retry may deliver the recorded reply
            count(message, "undelivered");
            turns.abandon(ticket);
        }
    }

    private void sendQuietly(ReplySender sender, InboundMessage message, List<OutboundMessage> messages) {
        try {
            sender.send(message, messages);
        }
        catch (RuntimeException e) {
            log.warn("Could not tell {} that its turn failed: {}", message.binding().key(), e.getMessage());
        }
    }

    private OutboundMessage failureText() {
        return new OutboundMessage("text", UUID.randomUUID().toString(), texts.failure(), null, null, null, null, 0);
    }

    private void count(InboundMessage message, String outcome) {
        meters.counter("parley.gateway.channel.turns", "channel", message.binding().channel().id(), "outcome",
                outcome).increment();
    }

    /** Lets queued turns finish within the shutdown budget (Heroku stops the dyno 30 s after SIGTERM). */
    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(20, TimeUnit.SECONDS)) {
            log.warn("{} channel turns were still queued at shutdown", workers.shutdownNow().size());
        }
    }
}
