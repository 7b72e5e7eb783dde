package dev.parley.gateway.runtime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** Wires the HTTP {@link RuntimeClient}; tests replace it with a fake by defining their own bean. */
@Configuration(proxyBeanMethods = false)
class RuntimeClientConfiguration {

    @Bean
    RuntimeClient runtimeClient(RestClient.Builder restClientBuilder, RuntimeClientProperties properties) {
        return new HttpRuntimeClient(restClientBuilder, properties);
    }
}
