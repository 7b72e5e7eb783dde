package dev.parley.platform.heroku;

import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Maps Heroku config vars to Spring properties in a property source ranked just below the OS environment: the vars
 * beat {@code application.yml}, while explicit {@code SPRING_*} variables and command-line arguments still beat them.
 */
public class HerokuEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Name of the property source this adds. */
    public static final String PROPERTY_SOURCE_NAME = "parleyHerokuConfigVars";

    private final Log log;

    public HerokuEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(HerokuEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        // After config data (application.yml) has been loaded.
        return Ordered.LOWEST_PRECEDENCE - 100;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(PROPERTY_SOURCE_NAME);
        Map<String, Object> properties = HerokuConfigVars.translate(name -> rawValue(sources, name));
        if (properties.isEmpty()) {
            return;
        }
        MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);
        String environmentSource = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        if (sources.contains(environmentSource)) {
            sources.addAfter(environmentSource, source);
        }
        else {
            sources.addFirst(source);
        }
        for (String name : HerokuConfigVars.VARIABLES) {
            if (rawValue(sources, name) != null) {
                this.log.info("Applied config var " + name);
            }
        }
    }

    /** Looks a variable up without resolving placeholders: PEM and passwords are taken literally. */
    private static String rawValue(MutablePropertySources sources, String name) {
        for (PropertySource<?> source : sources) {
            if (PROPERTY_SOURCE_NAME.equals(source.getName())) {
                continue;
            }
            Object value = source.getProperty(name);
            if (value != null) {
                return value.toString();
            }
        }
        return null;
    }

}
