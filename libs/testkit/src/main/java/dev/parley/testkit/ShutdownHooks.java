package dev.parley.testkit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stops servers when the JVM exits, so no postgres or redis-server process outlives a test run. */
final class ShutdownHooks {

    private static final Logger log = LoggerFactory.getLogger(ShutdownHooks.class);

    private ShutdownHooks() {
    }

    static void register(String name, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            }
            catch (RuntimeException ex) {
                log.warn("Could not stop {} at JVM exit", name, ex);
            }
        }, "parley-testkit-stop-" + name));
    }

}
