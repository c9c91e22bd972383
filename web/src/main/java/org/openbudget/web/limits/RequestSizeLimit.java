package org.openbudget.web.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * No request body larger than the limits is read: {@code budget.limits.request-mb} (25) for every request,
 * {@code budget.limits.check-kb} (2048) for the anonymous checks {@code /api/check}. A body announced larger is
 * answered at once with 413 and a message saying the limit (JSON for the API, a page otherwise); a body sent
 * without a length (chunked) is cut off at the limit. A reviewer's batch upload ({@code POST /batch}, {@code POST /api/batch}: a region's documents)
 * may be larger: {@code budget.limits.batch-mb} (256).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeLimit extends OncePerRequestFilter {
    private final long requestBytes;
    private final long checkBytes;
    private final long batchBytes;

    public RequestSizeLimit(@Value("${budget.limits.request-mb:25}") long requestMb, @Value("${budget.limits.check-kb:2048}") long checkKb,
                            @Value("${budget.limits.batch-mb:256}") long batchMb) {
        this.requestBytes = requestMb * 1024 * 1024;
        this.checkBytes = checkKb * 1024;
        this.batchBytes = Math.max(batchMb, requestMb) * 1024 * 1024;
    }

    long limitFor(HttpServletRequest req) {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if ((path.equals("/batch") || path.equals("/api/batch")) && "POST".equals(req.getMethod())) return batchBytes;
        return path.equals("/api/check") ? checkBytes : requestBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
        long limit = limitFor(req);
        long length = req.getContentLengthLong();
        if (length > limit) {
            tooLarge(req, res, limit);
            return;
        }
        chain.doFilter(length < 0 ? new Limited(req, limit) : req, res);
    }

    static String describe(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : (bytes / 1024) + " KB";
    }

    static void tooLarge(HttpServletRequest req, HttpServletResponse res, long limit) throws IOException {
        answer(req, res, 413, "内容太大", "提交的内容太大：至多 " + describe(limit) + "。请拆分后再提交，或联系系统管理员。");
    }

    /** A refusal before any controller: JSON for the API, a plain page otherwise; the rest of the body is not read. */
    static void answer(HttpServletRequest req, HttpServletResponse res, int status, String title, String message) throws IOException {
        res.setStatus(status);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // the rest of the body is not read: the connection closes after this answer
        res.setHeader("Connection", "close");
        if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
            res.setContentType("application/json");
            res.getWriter().write("{\"error\":\"" + message + "\",\"problems\":[]}");
        } else {
            res.setContentType("text/html");
            res.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + title + " · 部门预算公开</title>"
                    + "<link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main class=\"page\"><h1>" + title + "</h1><p>" + message
                    + "</p><p>请用浏览器的“后退”回到上一页。 <a href=\"/\">首页</a></p></main></body></html>");
        }
    }

    /** A body without a length, read up to the limit. */
    static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest req, long limit) {
            super(req);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    long read;

                    private void count(long n) throws IOException {
                        read += n;
                        if (read > limit) throw new IOException("请求内容超过 " + describe(limit) + " (request body too large)");
                    }

                    @Override public int read() throws IOException { int b = in.read(); if (b >= 0) count(1); return b; }
                    @Override public int read(byte[] b, int off, int len) throws IOException { int n = in.read(b, off, len); if (n > 0) count(n); return n; }
                    @Override public boolean isFinished() { return in.isFinished(); }
                    @Override public boolean isReady() { return in.isReady(); }
                    @Override public void setReadListener(ReadListener l) { in.setReadListener(l); }
                };
            }
            return stream;
        }
    }
}
