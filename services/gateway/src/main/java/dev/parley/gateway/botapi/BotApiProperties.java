package dev.parley.gateway.botapi;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bot Runtime API settings, bound from {@code parley.gateway.*}.
 *
 * @param publicUrl the org's home-region base URL that {@code _links} point to ({@code parley.gateway.public-url})
 */
@ConfigurationProperties("parley.gateway")
public record BotApiProperties(@DefaultValue("http://localhost:8080") URI publicUrl) {

    public BotApiProperties {
        if (publicUrl == null || !publicUrl.isAbsolute() || publicUrl.getHost() == null
                || !("http".equals(publicUrl.getScheme()) || "https".equals(publicUrl.getScheme()))
                || publicUrl.getQuery() != null || publicUrl.getFragment() != null) {
            throw new IllegalArgumentException("parley.gateway.public-url must be an absolute http(s) URL without "
                    + "query or fragment, was '" + publicUrl + "'");
        }
    }

    /** The public URL without a trailing slash, ready to append paths to. */
    String baseUrl() {
        String url = publicUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
