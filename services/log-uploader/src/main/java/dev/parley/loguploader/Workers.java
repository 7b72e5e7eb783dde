package dev.parley.loguploader;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks beans that consume Kafka or deliver batches; they stay out of the release phase's migrate-only run, which
 * must only let Flyway migrate.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "parley.platform.migrate-only", havingValue = "false", matchIfMissing = true)
public @interface Workers {
}
