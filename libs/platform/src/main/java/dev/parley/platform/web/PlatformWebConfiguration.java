package dev.parley.platform.web;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import dev.parley.platform.PlatformProperties;

/** Servlet filters: request ids first, then the internal credential check on {@code /internal/**}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
public class PlatformWebConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> parleyRequestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    FilterRegistrationBean<InternalAuthFilter> parleyInternalAuthFilter(PlatformProperties properties) {
        FilterRegistrationBean<InternalAuthFilter> registration = new FilterRegistrationBean<>(
                new InternalAuthFilter(properties.internalCredential()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setEnabled(properties.internalAuthEnabled());
        return registration;
    }

}
