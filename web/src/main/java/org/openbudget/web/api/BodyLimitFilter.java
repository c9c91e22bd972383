package org.openbudget.web.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.openbudget.io.guard.ReadLimits;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A dataset posted as a request body ({@code /api/check}, the editor's dataset text) is bounded
 * before it is read into memory (issue 16): a body declared larger than a YAML dataset may be
 * ({@link ReadLimits#yamlBytes()}) is answered 413 with a Chinese message at once. (A body that
 * does not declare its length is read and then refused by the reader's own size bound.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodyLimitFilter extends OncePerRequestFilter {
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())
                || !(uri.equals("/api/check") || uri.endsWith("/dataset"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        long max = ReadLimits.current().yamlBytes();
        if (request.getContentLengthLong() > max) {
            response.setStatus(413);
            response.setContentType("application/json;charset=UTF-8");
            String message = "数据集过大（上限 " + ReadLimits.size(max) + "），不像一个预算数据集 (the dataset is too large)";
            response.getOutputStream().write(("{\"error\":\"" + message + "\",\"problems\":[]}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
