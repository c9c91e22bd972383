package org.openbudget.web.pages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.openbudget.web.service.PortalService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public page of each published version as an anonymous reader gets it, rendered once and
 * kept as bytes, gzip-compressed bytes and their ETags, with what it was built under (a
 * {@link PortalService.Validity}); it is rendered again when that is no longer current — something
 * shown on it may have changed (a correction supersedes it, last year's document is published, a
 * region is renamed). Readers who ask for a page being rendered wait for that one rendering.
 * Bounded: when the pages together exceed {@code budget.portal.page-cache-mb}, the least recently
 * read ones leave.
 */
@Component
public class PublicPageCache {

    /** A page as rendered, with what it was built under. */
    public record Rendered(PortalService.Validity validity, byte[] html) {}

    /** One kept page: the bytes as sent, and compressed, each with its (strong) ETag. */
    public record Page(byte[] html, byte[] gzip, String etag, String gzipEtag, PortalService.Validity validity) {
        static Page of(Rendered r) {
            String tag = HexFormat.of().formatHex(sha256(r.html()), 0, 16);
            return new Page(r.html(), compress(r.html()), "\"" + tag + "\"", "\"" + tag + "-gzip\"", r.validity());
        }

        long size() { return html.length + gzip.length; }

        /**
         * The ETag of this page that an If-None-Match header names, or null. Both variants of the
         * page stand for the same content, so either one revalidates; {@code *} matches any.
         */
        public String matching(String ifNoneMatch) {
            if (ifNoneMatch == null) return null;
            for (String t : ifNoneMatch.split(",")) {
                t = t.trim();
                if (t.startsWith("W/")) t = t.substring(2);
                if (t.equals("*")) return etag;
                if (t.equals(etag) || t.equals(gzipEtag)) return t;
            }
            return null;
        }
    }

    private static final class Slot {
        final FutureTask<Page> task;
        volatile long lastRead = System.nanoTime();

        Slot(Supplier<Rendered> render) {
            this.task = new FutureTask<>(() -> Page.of(render.get()));
        }

        Page doneOrNull() {
            if (!task.isDone()) return null;
            try {
                return task.get();
            } catch (InterruptedException | ExecutionException | java.util.concurrent.CancellationException e) {
                return null;
            }
        }
    }

    private final Map<Long, Slot> slots = new ConcurrentHashMap<>();
    private final long maxBytes;
    private final AtomicLong renders = new AtomicLong();

    public PublicPageCache(@Value("${budget.portal.page-cache-mb:64}") long maxMegabytes) {
        this.maxBytes = Math.max(1, maxMegabytes) * 1024 * 1024;
    }

    /**
     * The page of version {@code id}: the kept one if {@code current} says what it was built under
     * still is; the one being rendered by another reader right now; or rendered now by
     * {@code render}, in this thread. A failed rendering (no such version) is thrown and not kept.
     */
    public Page get(long id, Predicate<PortalService.Validity> current, Supplier<Rendered> render) {
        Slot seen = slots.get(id);
        if (seen != null) {
            if (!seen.task.isDone()) return await(seen);
            Page p = seen.doneOrNull();
            if (p != null && current.test(p.validity())) {
                seen.lastRead = System.nanoTime();
                return p;
            }
        }
        Slot mine = new Slot(render);
        Slot won = slots.compute(id, (k, old) -> old == seen ? mine : old);
        if (won == mine) {
            renders.incrementAndGet();
            mine.task.run();
            if (mine.doneOrNull() == null) slots.remove(id, mine);
            else trim();
        }
        return await(won);
    }

    private static Page await(Slot s) {
        try {
            return s.task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many times a page was rendered for this cache (a read served from it renders nothing). */
    public long renders() { return renders.get(); }

    /** Pages kept, and their bytes (both variants). */
    public long[] size() {
        long n = 0, bytes = 0;
        for (Slot s : slots.values()) {
            Page p = s.doneOrNull();
            if (p != null) { n++; bytes += p.size(); }
        }
        return new long[] {n, bytes};
    }

    private synchronized void trim() {
        long total = size()[1];
        if (total <= maxBytes) return;
        List<Map.Entry<Long, Slot>> oldestFirst = new ArrayList<>(slots.entrySet());
        oldestFirst.sort(Comparator.comparingLong(e -> e.getValue().lastRead));
        for (Map.Entry<Long, Slot> e : oldestFirst) {
            if (total <= maxBytes * 3 / 4) break;
            Page p = e.getValue().doneOrNull();
            if (p != null && slots.remove(e.getKey(), e.getValue())) total -= p.size();
        }
    }

    private static byte[] compress(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out, 8192) {
            { def.setLevel(Deflater.BEST_COMPRESSION); }
        }) {
            z.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an Accept-Encoding header accepts gzip (gzip, x-gzip or *, without q=0). */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        Boolean gzip = null, any = null;
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.trim().split(";");
            String coding = p[0].trim().toLowerCase(java.util.Locale.ROOT);
            boolean accepted = true;
            for (int i = 1; i < p.length; i++) {
                String param = p[i].trim();
                if (param.startsWith("q=") || param.startsWith("Q=")) {
                    try {
                        accepted = Double.parseDouble(param.substring(2).trim()) > 0;
                    } catch (NumberFormatException e) {
                        accepted = false;
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) gzip = accepted;
            else if (coding.equals("*")) any = accepted;
        }
        return gzip != null ? gzip : any != null && any;
    }
}
