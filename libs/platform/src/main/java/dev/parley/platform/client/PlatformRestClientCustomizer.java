package dev.parley.platform.client;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.web.client.RestClient;

import dev.parley.platform.PlatformProperties;

/** Makes every client built from Spring's {@code RestClient.Builder} forward the request id and internal credential. */
public final class PlatformRestClientCustomizer implements RestClientCustomizer {

    private final PlatformHeadersInterceptor interceptor;

    public PlatformRestClientCustomizer(PlatformProperties properties) {
        this.interceptor = new PlatformHeadersInterceptor(properties.internalCredential(),
                new InternalHosts(properties.internalHosts()));
    }

    @Override
    public void customize(RestClient.Builder builder) {
        builder.requestInterceptors(interceptors -> {
            if (!interceptors.contains(this.interceptor)) {
                interceptors.add(this.interceptor);
            }
        });
    }

}
