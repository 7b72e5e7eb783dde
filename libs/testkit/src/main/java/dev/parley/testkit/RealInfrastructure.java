package dev.parley.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a Spring test class: starts the shared servers asked for (see {@link Infrastructure}) and registers
 * {@code JdbcConnectionDetails}, {@code DataRedisConnectionDetails} and {@code KafkaConnectionDetails} beans so
 * Spring Boot's auto-configuration connects to them. A server is only started when its Spring Boot module
 * ({@code spring-boot-jdbc}, {@code spring-boot-data-redis}, {@code spring-boot-kafka}) is on the classpath.
 * Test classes with equal attributes (and otherwise equal configuration) share one cached context.
 * The environment also gets {@code parley.testkit.postgres.jdbc-url}, {@code parley.testkit.redis.url} and
 * {@code parley.testkit.kafka.bootstrap-servers} for whatever was started.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealInfrastructure {

    /** Start PostgreSQL and point the DataSource at it. */
    boolean postgres() default true;

    /** Start Redis and point Spring Data Redis at it. */
    boolean redis() default true;

    /** Start Kafka and point Spring Kafka at it. */
    boolean kafka() default true;

    /**
     * A database to use instead of {@value PostgresServer#DEFAULT_DATABASE}: created empty the first time a
     * context asks for it in this JVM, then reused; lets test classes with different contexts keep their data
     * (and Flyway history) apart. Same naming rules as {@link PostgresServer#createDatabase(String)}.
     */
    String database() default "";

}
