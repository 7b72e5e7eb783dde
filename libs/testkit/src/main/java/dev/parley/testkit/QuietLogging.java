package dev.parley.testkit;

import java.util.List;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Turns the chatty INFO output of the Kafka broker, Kafka clients and the PostgreSQL launcher down to WARN,
 * unless the application configured those loggers itself. Works with Logback (tests) and slf4j-simple (local run).
 * Spring Boot resets Logback when a context starts, so the Spring integration applies this again per context.
 */
final class QuietLogging {

    static final List<String> LOGGERS = List.of("org.apache.kafka", "kafka", "state.change.logger", "io.zonky.test");

    private static final boolean LOGBACK = isPresent("ch.qos.logback.classic.LoggerContext");

    private QuietLogging() {
    }

    static void apply() {
        for (String name : LOGGERS) {
            // read by slf4j-simple when a logger is first created
            String key = "org.slf4j.simpleLogger.log." + name;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "warn");
            }
        }
        if (LOGBACK) {
            LogbackLevels.quiet(LoggerFactory.getILoggerFactory());
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, QuietLogging.class.getClassLoader());
            return true;
        }
        catch (ClassNotFoundException | LinkageError ex) {
            return false;
        }
    }

    /** Separate class so Logback types are only loaded when Logback is there. */
    private static final class LogbackLevels {

        static void quiet(ILoggerFactory factory) {
            if (factory instanceof ch.qos.logback.classic.LoggerContext context) {
                for (String name : LOGGERS) {
                    ch.qos.logback.classic.Logger logger = context.getLogger(name);
                    if (logger.getLevel() == null) {
                        logger.setLevel(ch.qos.logback.classic.Level.WARN);
                    }
                }
            }
        }

    }

}
