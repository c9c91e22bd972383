package org.openbudget.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.openbudget.web.service.NotFoundException;
import org.openbudget.web.service.PortalService;

/** The page cache alone: kept while current, one rendering for concurrent readers, failures not kept, the bound, the header rules. */
class PublicPageCacheTest {

    /** The generation of "agency/2025" as a test changes it. */
    final AtomicLong generation = new AtomicLong();
    final Predicate<PortalService.Validity> current = v -> v.generation() == generation.get();

    PublicPageCache.Rendered page(String s) {
        return new PublicPageCache.Rendered(new PortalService.Validity(0, "agency/2025", generation.get()), s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPageIsRenderedOnceAndAgainOnlyWhenWhatItWasBuiltUnderIsNoLongerCurrent() {
        PublicPageCache cache = new PublicPageCache(64);
        AtomicInteger n = new AtomicInteger();
        PublicPageCache.Page a = cache.get(1, current, () -> page("v" + n.incrementAndGet()));
        PublicPageCache.Page b = cache.get(1, current, () -> page("v" + n.incrementAndGet()));
        assertThat(b).isSameAs(a);
        assertThat(new String(a.html(), StandardCharsets.UTF_8)).isEqualTo("v1");
        generation.incrementAndGet();
        PublicPageCache.Page c = cache.get(1, current, () -> page("v" + n.incrementAndGet()));
        assertThat(new String(c.html(), StandardCharsets.UTF_8)).isEqualTo("v2");
        assertThat(c.etag()).isNotEqualTo(a.etag());
        assertThat(cache.get(1, current, () -> page("v" + n.incrementAndGet()))).isSameAs(c);
        assertThat(cache.get(2, current, () -> page("two"))).isNotSameAs(c);
        assertThat(cache.renders()).isEqualTo(3);
    }

    @Test
    void theSameBytesGiveTheSameTags() {
        PublicPageCache cache = new PublicPageCache(64);
        PublicPageCache.Page a = cache.get(1, current, () -> page("same"));
        PublicPageCache.Page b = cache.get(2, current, () -> page("same"));
        assertThat(b.etag()).isEqualTo(a.etag()).matches("\"[0-9a-f]{32}\"");
        assertThat(b.gzipEtag()).isEqualTo(a.etag().substring(0, a.etag().length() - 1) + "-gzip\"");
    }

    @Test
    void concurrentReadersOfAMissingPageWaitForOneRendering() throws Exception {
        PublicPageCache cache = new PublicPageCache(64);
        AtomicInteger renders = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<PublicPageCache.Page> got = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 16; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                got.add(cache.get(7, current, () -> {
                    renders.incrementAndGet();
                    try { Thread.sleep(50); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                    return page("page seven");
                }));
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) t.join();
        assertThat(renders.get()).isEqualTo(1);
        assertThat(got).hasSize(16).allMatch(p -> p == got.get(0));
    }

    @Test
    void aFailedRenderingIsThrownAndNotKept() {
        PublicPageCache cache = new PublicPageCache(64);
        assertThatThrownBy(() -> cache.get(9, current, () -> { throw new NotFoundException("没有编号为 9 的公开文档"); }))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("9");
        assertThat(cache.size()[0]).isZero();
        assertThat(new String(cache.get(9, current, () -> page("now it exists")).html(), StandardCharsets.UTF_8)).isEqualTo("now it exists");
    }

    @Test
    void theLeastRecentlyReadPagesLeaveWhenTheBoundIsExceeded() {
        PublicPageCache cache = new PublicPageCache(1);
        Random r = new Random(1);
        byte[] noise = new byte[150 * 1024];
        for (long id = 1; id <= 6; id++) {
            r.nextBytes(noise);
            byte[] b = java.util.Base64.getEncoder().encode(noise); // hardly compressible: 200 KB, about 150 KB in gzip
            cache.get(id, current, () -> new PublicPageCache.Rendered(new PortalService.Validity(0, "a/1", 0), b));
            cache.get(1, current, () -> { throw new AssertionError("page 1 is read all the time, it stays"); });
        }
        long[] size = cache.size();
        assertThat(size[1]).isLessThanOrEqualTo(1024 * 1024);
        assertThat(size[0]).isEqualTo(2);
        AtomicInteger again = new AtomicInteger();
        cache.get(2, current, () -> { again.incrementAndGet(); return page("two"); });
        assertThat(again.get()).as("page 2 had left").isEqualTo(1);
    }

    @Test
    void gzipIsAcceptedAsHttpSays() {
        assertThat(PublicPageCache.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(PublicPageCache.acceptsGzip("br;q=1.0, gzip;q=0.8, *;q=0.1")).isTrue();
        assertThat(PublicPageCache.acceptsGzip("x-gzip")).isTrue();
        assertThat(PublicPageCache.acceptsGzip("*")).isTrue();
        assertThat(PublicPageCache.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(PublicPageCache.acceptsGzip("gzip;q=0.000, *")).isFalse();
        assertThat(PublicPageCache.acceptsGzip("*;q=0")).isFalse();
        assertThat(PublicPageCache.acceptsGzip("identity")).isFalse();
        assertThat(PublicPageCache.acceptsGzip("")).isFalse();
        assertThat(PublicPageCache.acceptsGzip(null)).isFalse();
    }

    @Test
    void ifNoneMatchNamesEitherVariantWeaklyOrAny() {
        PublicPageCache.Page p = new PublicPageCache(1).get(1, current, () -> page("x"));
        assertThat(p.matching(null)).isNull();
        assertThat(p.matching("\"nope\"")).isNull();
        assertThat(p.matching(p.etag())).isEqualTo(p.etag());
        assertThat(p.matching("\"a\", W/" + p.gzipEtag())).isEqualTo(p.gzipEtag());
        assertThat(p.matching("*")).isEqualTo(p.etag());
    }
}
