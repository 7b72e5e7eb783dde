package dev.parley.platform.release;

import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * In migrate-only mode, ends the process with status 0 once the context has started: by then Flyway has migrated
 * (a failed migration fails the start instead, which exits non-zero and fails the Heroku release).
 */
public final class MigrateOnlyExit implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(MigrateOnlyExit.class);

    private final IntConsumer exit;

    public MigrateOnlyExit() {
        this(System::exit);
    }

    MigrateOnlyExit(IntConsumer exit) {
        this.exit = exit;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        boolean flyway = event.getApplicationContext().getBeanNamesForType(flywayType()).length > 0;
        log.info("Migrate-only run finished ({}); exiting", flyway ? "migrations applied" : "this service has no schema");
        int status = SpringApplication.exit(event.getApplicationContext(), () -> 0);
        exit.accept(status);
    }

    private static Class<?> flywayType() {
        try {
            return Class.forName("org.flywaydb.core.Flyway", false, MigrateOnlyExit.class.getClassLoader());
        }
        catch (ClassNotFoundException noFlyway) {
            return Void.class;
        }
    }
}
