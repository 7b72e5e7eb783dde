package dev.parley.gateway.widget;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.socket.CloseStatus;

/**
 * Keeps widget WebSockets alive and honest, once a second: pings every connection that sent nothing for the
 * heartbeat interval (Heroku's router closes connections idle for 55 s), closes connections whose widget stayed
 * silent for twice the interval plus 10 s (a dead peer) or never sent {@code hello}. On shutdown it answers waiting
 * HTTP polls and closes every connection with 1001 (going away) before the web server stops, so widgets reconnect to
 * another replica at once.
 */
class WidgetHeartbeats implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WidgetHeartbeats.class);

    private final WidgetSocketHandler handler;

    private final WidgetProperties properties;

    private final Executor executor;

    private final LongPolls polls;

    private ScheduledExecutorService scheduler;

    WidgetHeartbeats(WidgetSocketHandler handler, LongPolls polls, WidgetProperties properties,
            Executor widgetExecutor) {
        this.handler = handler;
        this.polls = polls;
        this.properties = properties;
        this.executor = widgetExecutor;
    }

    /** One pass over the connections at {@code now} (nanoTime); returns how many were pinged. */
    int sweep(long now) {
        long interval = properties.heartbeatInterval().toNanos();
        long deadAfter = 2 * interval + TimeUnit.SECONDS.toNanos(10);
        long helloWithin = properties.helloTimeout().toNanos();
        int pinged = 0;
        for (SocketConnection connection : handler.connections()) {
            if (connection.conversation() == null) {
                if (now - connection.openedAt() > helloWithin) {
                    executor.execute(() -> connection.close(WidgetSocketHandler.TIMEOUT));
                }
                continue;
            }
            if (now - connection.lastReceivedAt() > deadAfter) {
                executor.execute(() -> connection.close(WidgetSocketHandler.TIMEOUT));
            }
            else if (now - connection.lastSentAt() >= interval) {
                pinged++;
                executor.execute(() -> connection.send(WidgetProtocol.PING));
            }
        }
        return pinged;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "widget-heartbeats");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                sweep(System.nanoTime());
            }
            catch (RuntimeException e) {
                log.warn("Widget heartbeat pass failed: {}", e.getMessage());
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        polls.releaseAll();
        int open = handler.connections().size();
        for (SocketConnection connection : handler.connections()) {
            connection.close(CloseStatus.GOING_AWAY);
        }
        if (open > 0) {
            log.info("Closed {} widget connections for shutdown", open);
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Before the web server's graceful shutdown (a lower phase), so widgets leave first. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
