package dev.parley.registry.auth;

import dev.parley.registry.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

/**
 * Refuses an admin route whose {@code {orgId}} is not the admin's org with the 404 an absent org gets, so one org
 * cannot even learn whether another exists.
 */
final class AdminOrgInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object attribute = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(attribute instanceof Map<?, ?> variables) || !(variables.get("orgId") instanceof String orgId)) {
            return true;
        }
        Admin admin = (Admin) request.getAttribute(Admin.ATTRIBUTE);
        if (admin == null || !admin.orgId().equals(orgId)) {
            throw NotFoundException.org(orgId);
        }
        return true;
    }
}
