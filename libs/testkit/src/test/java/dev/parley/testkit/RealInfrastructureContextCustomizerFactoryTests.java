package dev.parley.testkit;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RealInfrastructureContextCustomizerFactoryTests {

    private final RealInfrastructureContextCustomizerFactory factory = new RealInfrastructureContextCustomizerFactory();

    @Test
    void equalAnnotationsGiveEqualCustomizersSoContextsAreCached() {
        ContextCustomizer one = customizerFor(AllDefaults.class);
        ContextCustomizer other = customizerFor(AllExplicit.class);
        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    }

    @Test
    void differentSelectionsGiveDifferentCustomizers() {
        assertThat(customizerFor(RedisOnly.class)).isNotEqualTo(customizerFor(AllDefaults.class));
        assertThat(customizerFor(OwnDatabase.class)).isNotEqualTo(customizerFor(AllDefaults.class));
    }

    @Test
    void selectionFollowsTheAnnotation() {
        assertThat(customizerFor(RedisOnly.class)).isEqualTo(new RealInfrastructureContextCustomizer(false, true, false, ""));
        assertThat(customizerFor(OwnDatabase.class)).isEqualTo(new RealInfrastructureContextCustomizer(true, true, true, "own_db"));
    }

    @Test
    void nestedTestClassesInheritTheEnclosingAnnotation() {
        assertThat(customizerFor(RedisOnly.Inner.class)).isEqualTo(customizerFor(RedisOnly.class));
    }

    @Test
    void unannotatedClassesGetNoCustomizer() {
        assertThat(customizerFor(Unannotated.class)).isNull();
    }

    @Test
    void invalidDatabaseNamesAreRejectedWithTheName() {
        assertThatIllegalArgumentException().isThrownBy(() -> customizerFor(BadDatabase.class))
            .withMessageContaining("Bad-Name")
            .withMessageContaining(BadDatabase.class.getName());
    }

    private ContextCustomizer customizerFor(Class<?> testClass) {
        return this.factory.createContextCustomizer(testClass, List.of());
    }

    @RealInfrastructure
    static class AllDefaults {

    }

    @RealInfrastructure(postgres = true, redis = true, kafka = true)
    static class AllExplicit {

    }

    @RealInfrastructure(postgres = false, kafka = false)
    static class RedisOnly {

        class Inner {

        }

    }

    @RealInfrastructure(database = "own_db")
    static class OwnDatabase {

    }

    @RealInfrastructure(database = "Bad-Name")
    static class BadDatabase {

    }

    static class Unannotated {

    }

}
