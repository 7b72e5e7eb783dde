package dev.parley.gateway.botapi;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link BotApiAuthInterceptor} in front of every versioned Bot API route. */
@Configuration(proxyBeanMethods = false)
class BotApiWebConfiguration implements WebMvcConfigurer {

    private final BotApiAuthInterceptor authInterceptor;

    BotApiWebConfiguration(BotApiAuthInterceptor authInterceptor) {
        this.authInterceptor = authInterceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(authInterceptor).addPathPatterns(BotApiController.VERSION_PREFIX + "/**");
    }
}
