package dev.parley.gateway.widget;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Serves the widget script and the demo page.
 * <ul>
 * <li>{@code GET /widget/v1/parley-chat.js}: the URL sites embed; cached 5 minutes, then revalidated against its
 * {@code ETag} (the content hash), so a new release reaches visitors within minutes</li>
 * <li>{@code GET /widget/v1/parley-chat.<hash>.js}: the same bytes under their content hash, cacheable for a year
 * ({@code immutable}); other hashes are 404</li>
 * <li>{@code GET /widget/demo}: a sample site embedding the widget for the first configured bot, when
 * {@code parley.gateway.widget.demo-page} is on</li>
 * </ul>
 * The script is sent gzip-compressed to clients that accept it.
 */
@RestController
class WidgetAssetsController {

    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript",
            java.nio.charset.StandardCharsets.UTF_8);

    private final WidgetAssets assets;

    private final WidgetBots bots;

    private final WidgetProperties properties;

    WidgetAssetsController(WidgetAssets assets, WidgetBots bots, WidgetProperties properties) {
        this.assets = assets;
        this.bots = bots;
        this.properties = properties;
    }

    @GetMapping("/widget/v1/parley-chat.js")
    ResponseEntity<byte[]> script(HttpServletRequest request) {
        String etag = "\"" + assets.hash() + "\"";
        CacheControl cache = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic().mustRevalidate();
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
        }
        return script(request, cache, etag);
    }

    @GetMapping("/widget/v1/parley-chat.{hash:[0-9a-f]{16}}.js")
    ResponseEntity<byte[]> versionedScript(@PathVariable String hash, HttpServletRequest request) {
        if (!hash.equals(assets.hash())) {
            throw new UnknownAssetException("parley-chat." + hash + ".js");
        }
        return script(request, CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable(),
                "\"" + assets.hash() + "\"");
    }

    @GetMapping(path = "/widget/demo", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> demo() {
        if (!properties.demoPage()) {
            throw new UnknownAssetException("/widget/demo (the demo page is off)");
        }
        WidgetBot bot = bots.first();
        String page = assets.demoTemplate()
                .replace("{{orgId}}", HtmlUtils.htmlEscape(bot.orgId()))
                .replace("{{botId}}", HtmlUtils.htmlEscape(bot.botId()))
                .replace("{{scriptHash}}", assets.hash());
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML)
                .body(page);
    }

    private ResponseEntity<byte[]> script(HttpServletRequest request, CacheControl cache, String etag) {
        String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        boolean gzip = accept != null && accept.contains("gzip");
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(cache)
                .eTag(etag)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header("X-Content-Type-Options", "nosniff")
                // any site may load the script; the gateway checks origins where it matters (connections)
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        if (gzip) {
            return response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(assets.scriptGzip());
        }
        return response.body(assets.script());
    }
}
