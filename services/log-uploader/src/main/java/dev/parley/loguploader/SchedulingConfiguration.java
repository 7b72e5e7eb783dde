package dev.parley.loguploader;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Periodic work (destination refresh, retention, backlog gauges) runs only where the workers run. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Workers
class SchedulingConfiguration {
}
