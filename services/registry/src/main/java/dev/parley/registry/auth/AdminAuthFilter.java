package dev.parley.registry.auth;

import dev.parley.platform.logging.MdcKeys;
import dev.parley.registry.api.RegistryErrorCodes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Requires an admin bearer token on every request except {@code /internal/**} (the platform checks the internal
 * credential there) and {@code /actuator/**}; answers 401 problem details before the body is read. Fails closed: a
 * path counts as exempt only when both the raw and the normalised path start with an exempt segment.
 */
final class AdminAuthFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdminAuthFilter.class);
    private static final Set<String> EXEMPT = Set.of("internal", "actuator");
    private static final String BEARER = "bearer ";

    private final AdminAuthenticator authenticator;
    private final JsonMapper json;

    AdminAuthFilter(AdminAuthenticator authenticator, JsonMapper json) {
        this.authenticator = authenticator;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return isExempt(firstSegment(request.getServletPath() + nullToEmpty(request.getPathInfo())))
                && isExempt(firstSegment(request.getRequestURI().substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Admin> admin = authenticator.authenticate(bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION)));
        if (admin.isEmpty()) {
            log.info("Refused admin request {} {}: {}", request.getMethod(), request.getRequestURI(),
                    request.getHeader(HttpHeaders.AUTHORIZATION) == null ? "no Authorization header" : "unknown token");
            unauthorized(request, response);
            return;
        }
        request.setAttribute(Admin.ATTRIBUTE, admin.get());
        try (var org = MDC.putCloseable(MdcKeys.ORG_ID, admin.get().orgId())) {
            chain.doFilter(request, response);
        }
    }

    private void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.UNAUTHORIZED.getReasonPhrase());
        problem.put("status", HttpStatus.UNAUTHORIZED.value());
        problem.put("detail", "Send an admin API token of your org as 'Authorization: Bearer <token>'.");
        problem.put("instance", request.getRequestURI());
        problem.put("code", RegistryErrorCodes.UNAUTHENTICATED);
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"parley-registry\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }

    /** The first non-empty segment, decoded, path parameters removed, lower case; {@code null} when undecodable. */
    static String firstSegment(String path) {
        for (String segment : path.split("/")) {
            int semicolon = segment.indexOf(';');
            String name = semicolon == -1 ? segment : segment.substring(0, semicolon);
            if (name.isEmpty()) {
                continue;
            }
            try {
                return StringUtils.uriDecode(name, StandardCharsets.UTF_8).strip().toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return "";
    }

    private static boolean isExempt(String segment) {
        return segment != null && EXEMPT.contains(segment);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
