package dev.parley.gateway.widget;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The virtual threads widget work runs on (turns, deliveries, pings). Not an {@code Executor} bean on purpose: one
 * would make Spring Boot's own task executor back off.
 */
final class WidgetThreads implements AutoCloseable {

    private final ExecutorService executor;

    WidgetThreads() {
        ThreadFactory factory = Thread.ofVirtual().name("widget-", 0).factory();
        this.executor = Executors.newThreadPerTaskExecutor(factory);
    }

    ExecutorService executor() {
        return executor;
    }

    /** Stops taking work; running turns finish (their outcome is stored, widgets get it when they reconnect). */
    @Override
    public void close() {
        executor.shutdown();
    }
}
