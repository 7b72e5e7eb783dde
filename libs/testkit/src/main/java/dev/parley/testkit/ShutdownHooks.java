package dev.parley.testkit;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops servers when the JVM exits, so no postgres or redis-server process outlives a test run. Shutdown hooks run
 * concurrently, so work that still needs the servers (the local run stopping its services) is registered with
 * {@link #beforeServersStop(Runnable)}: every server's hook runs it, once, before stopping its server.
 */
final class ShutdownHooks {

    private static final Logger log = LoggerFactory.getLogger(ShutdownHooks.class);

    private static final List<Runnable> beforeStop = new ArrayList<>();

    private static boolean beforeStopDone;

    private ShutdownHooks() {
    }

    static void register(String name, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runBeforeStopTasks();
                stop.run();
            }
            catch (RuntimeException ex) {
                log.warn("Could not stop {} at JVM exit", name, ex);
            }
        }, "parley-testkit-stop-" + name));
    }

    static synchronized void beforeServersStop(Runnable task) {
        beforeStop.add(task);
    }

    /** The first hook runs the tasks; the others wait here until they are done. */
    private static synchronized void runBeforeStopTasks() {
        if (beforeStopDone) {
            return;
        }
        for (Runnable task : beforeStop) {
            try {
                task.run();
            }
            catch (RuntimeException ex) {
                log.warn("A task before stopping the servers failed", ex);
            }
        }
        beforeStopDone = true;
    }

}
