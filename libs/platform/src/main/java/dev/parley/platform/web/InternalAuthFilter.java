package dev.parley.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects requests to {@code /internal/**} that lack the right {@code X-Parley-Internal-Credential} with a 401
 * problem detail. The credential is compared in constant time.
 */
final class InternalAuthFilter extends OncePerRequestFilter {

    /** Header carrying the internal credential. */
    static final String HEADER = InternalCredentials.HEADER;

    private static final Logger log = LoggerFactory.getLogger(InternalAuthFilter.class);

    private static final JsonMapper json = JsonMapper.builder().build();

    private static final MessageDigest SHA256 = sha256Instance();

    private final byte[] expectedDigest;

    InternalAuthFilter(String credential) {
        this.expectedDigest = sha256(credential);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isInternalPath(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        // Comparing digests keeps the time independent of both the content and the length of the secret.
        if (presented != null && MessageDigest.isEqual(sha256(presented), this.expectedDigest)) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Rejected internal request {} {}: {} header {}", request.getMethod(), request.getRequestURI(), HEADER,
                (presented == null) ? "missing" : "wrong");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.UNAUTHORIZED.getReasonPhrase());
        problem.put("status", HttpStatus.UNAUTHORIZED.value());
        problem.put("detail", "Missing or wrong " + HEADER + " header.");
        problem.put("instance", request.getRequestURI());
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /**
     * Whether the request addresses {@code /internal} or anything below it. Works on decoded segments with path
     * parameters removed, ignoring case and empty segments, so that {@code //Internal;x/%2e/..} tricks still count.
     */
    static boolean isInternalPath(HttpServletRequest request) {
        String path = request.getRequestURI();
        String contextPath = request.getContextPath();
        if (path == null) {
            return false;
        }
        if (StringUtils.hasLength(contextPath) && path.startsWith(contextPath)) {
            path = path.substring(contextPath.length());
        }
        // Both the literal and the dot-segment-normalised path count, whichever way a router reads it.
        Deque<String> segments = new ArrayDeque<>();
        String literalFirst = null;
        for (String segment : path.split("/")) {
            int semicolon = segment.indexOf(';');
            String name = (semicolon == -1) ? segment : segment.substring(0, semicolon);
            try {
                name = StringUtils.uriDecode(name, StandardCharsets.UTF_8);
            }
            catch (IllegalArgumentException ex) {
                return true; // undecodable: fail closed
            }
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (literalFirst == null) {
                literalFirst = name;
            }
            if (name.equals("..")) {
                segments.pollLast();
                continue;
            }
            segments.addLast(name);
        }
        return isInternal(literalFirst) || isInternal(segments.peekFirst());
    }

    private static boolean isInternal(String segment) {
        return segment != null && segment.strip().equalsIgnoreCase("internal");
    }

    private static byte[] sha256(String value) {
        return newSha256().digest(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh digest; cloning a prototype skips the provider lookup that {@code getInstance} does on every request. */
    private static MessageDigest newSha256() {
        try {
            return (MessageDigest) SHA256.clone();
        }
        catch (CloneNotSupportedException ex) {
            return sha256Instance();
        }
    }

    private static MessageDigest sha256Instance() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

}
