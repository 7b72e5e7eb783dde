package dev.parley.platform.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

import dev.parley.platform.logging.MdcKeys;

/** Takes or makes the request id, puts it in the MDC for the request's duration and echoes it on the response. */
final class RequestIdFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // An error or async dispatch reuses the id chosen on the first dispatch.
        String id = (String) request.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
            request.setAttribute(ATTRIBUTE, id);
            response.setHeader(RequestIds.HEADER, id);
        }
        Map<String, String> previous = MDC.getCopyOfContextMap();
        MDC.put(MdcKeys.REQUEST_ID, id);
        try {
            chain.doFilter(request, response);
        }
        finally {
            // Drops request_id and whatever session/org ids the service added, so nothing leaks to the next request.
            if (previous == null) {
                MDC.clear();
            }
            else {
                MDC.setContextMap(previous);
            }
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

}
