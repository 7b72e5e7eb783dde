package dev.parley.testkit;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ClassUtils;

/** Turns {@link RealInfrastructure} on a test class (or an enclosing class) into a context customizer. */
class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    static final String JDBC_DETAILS = "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails";

    static final String REDIS_DETAILS = "org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails";

    static final String KAFKA_DETAILS = "org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        RealInfrastructure annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, RealInfrastructure.class);
        if (annotation == null) {
            return null;
        }
        ClassLoader classLoader = testClass.getClassLoader();
        boolean postgres = annotation.postgres() && ClassUtils.isPresent(JDBC_DETAILS, classLoader);
        String database = annotation.database().isBlank() ? "" : annotation.database();
        if (!database.isEmpty() && !DatabaseNames.VALID.matcher(database).matches()) {
            throw new IllegalArgumentException("Invalid @RealInfrastructure(database = \"" + database + "\") on "
                    + testClass.getName() + ": use [a-z_][a-z0-9_]{0,62}");
        }
        return new RealInfrastructureContextCustomizer(postgres,
                annotation.redis() && ClassUtils.isPresent(REDIS_DETAILS, classLoader),
                annotation.kafka() && ClassUtils.isPresent(KAFKA_DETAILS, classLoader),
                postgres ? database : "");
    }

}
