package dev.parley.platform.client;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import dev.parley.platform.web.InternalCredentials;
import dev.parley.platform.web.RequestIds;

/**
 * Forwards the current request id on every outgoing call and adds the internal credential on calls to Parley
 * services. Headers the caller set explicitly are left alone.
 */
final class PlatformHeadersInterceptor implements ClientHttpRequestInterceptor {

    private static final Logger log = LoggerFactory.getLogger(PlatformHeadersInterceptor.class);

    private final String credential;

    private final InternalHosts internalHosts;

    private final Set<String> warnedHosts = ConcurrentHashMap.newKeySet();

    PlatformHeadersInterceptor(String credential, InternalHosts internalHosts) {
        this.credential = credential;
        this.internalHosts = internalHosts;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        RequestIds.current().ifPresent(id -> {
            if (!request.getHeaders().containsHeader(RequestIds.HEADER)) {
                request.getHeaders().set(RequestIds.HEADER, id);
            }
        });
        if (!this.credential.isEmpty() && !request.getHeaders().containsHeader(InternalCredentials.HEADER)) {
            String host = request.getURI().getHost();
            if (this.internalHosts.isInternal(host)) {
                request.getHeaders().set(InternalCredentials.HEADER, this.credential);
            }
            else if (host != null && this.warnedHosts.size() < 1000 && this.warnedHosts.add(host)) {
                log.warn("Not sending {} to {}: not an internal host; list it in parley.platform.internal-hosts "
                        + "if it is a Parley service", InternalCredentials.HEADER, host);
            }
        }
        return execution.execute(request, body);
    }

}
