package org.openbudget.web.pages;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A page rendered to bytes by the same Thymeleaf view Spring MVC would use for it (same engine,
 * same request context), so that it can be kept and sent again. The pages are Chinese whatever
 * the reader's Accept-Language says, so it plays no part. The response is left alone: whatever the
 * view would set on it (content type, locale) is dropped, the caller sets the headers.
 */
@Component
public class ViewBytes {
    private final ThymeleafViewResolver views;

    public ViewBytes(ThymeleafViewResolver views) {
        this.views = views;
    }

    public byte[] render(String viewName, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) {
        try {
            View view = views.resolveViewName(viewName, Locale.SIMPLIFIED_CHINESE);
            if (view == null) throw new IllegalStateException("no view " + viewName);
            Captured out = new Captured(response);
            view.render(model, new Chinese(request), out);
            return out.bytes();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot render " + viewName, e);
        }
    }

    /** The request as if it asked for Chinese. */
    private static final class Chinese extends HttpServletRequestWrapper {
        Chinese(HttpServletRequest request) { super(request); }

        @Override public Locale getLocale() { return Locale.SIMPLIFIED_CHINESE; }
        @Override public java.util.Enumeration<Locale> getLocales() { return java.util.Collections.enumeration(List.of(Locale.SIMPLIFIED_CHINESE)); }

        @Override
        public String getHeader(String name) {
            return "Accept-Language".equalsIgnoreCase(name) ? "zh-CN" : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            return "Accept-Language".equalsIgnoreCase(name) ? java.util.Collections.enumeration(List.of("zh-CN")) : super.getHeaders(name);
        }
    }

    /** Collects what is written; ignores headers; URLs are not rewritten (no session id in a link). */
    private static final class Captured extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(128 * 1024);
        private PrintWriter writer;
        private ServletOutputStream stream;

        Captured(HttpServletResponse response) {
            super(response);
        }

        byte[] bytes() {
            if (writer != null) writer.flush();
            return buffer.toByteArray();
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) writer = new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8), false);
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) stream = new ServletOutputStream() {
                @Override public boolean isReady() { return true; }
                @Override public void setWriteListener(WriteListener l) { throw new UnsupportedOperationException(); }
                @Override public void write(int b) { buffer.write(b); }
                @Override public void write(byte[] b, int off, int len) { buffer.write(b, off, len); }
            };
            return stream;
        }

        @Override public String getCharacterEncoding() { return StandardCharsets.UTF_8.name(); }
        @Override public String getContentType() { return "text/html;charset=UTF-8"; }
        @Override public void setContentType(String type) { }
        @Override public void setCharacterEncoding(String charset) { }
        @Override public void setLocale(Locale locale) { }
        @Override public void setContentLength(int len) { }
        @Override public void setContentLengthLong(long len) { }
        @Override public void setHeader(String name, String value) { }
        @Override public void addHeader(String name, String value) { }
        @Override public void setStatus(int sc) { }
        @Override public void flushBuffer() { if (writer != null) writer.flush(); }
        @Override public boolean isCommitted() { return false; }
        @Override public void reset() { resetBuffer(); }
        @Override public void resetBuffer() { if (writer != null) writer.flush(); buffer.reset(); }
        @Override public String encodeURL(String url) { return url; }
        @Override public String encodeRedirectURL(String url) { return url; }
    }
}
