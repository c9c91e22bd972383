package org.openbudget.web.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class CheckThrottleTest {

    @Test
    void eachClientHasItsAllowancePerMinute() {
        CheckThrottle t = new CheckThrottle(3, 5, 2);
        for (int i = 0; i < 3; i++) assertThat(t.run("addr:10.0.0.1", false, () -> "ok")).isEqualTo("ok");
        assertThatThrownBy(() -> t.run("addr:10.0.0.1", false, () -> "ok")).isInstanceOfSatisfying(CheckThrottle.Refused.class, r -> {
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.retryAfterSeconds()).isBetween(1, 20);
            assertThat(r.getMessage()).contains("每分钟至多 3 次");
        });
        assertThat(t.run("addr:10.0.0.2", false, () -> "other client")).isEqualTo("other client");
        for (int i = 0; i < 5; i++) t.run("user:sme", true, () -> "ok");
        assertThatThrownBy(() -> t.run("user:sme", true, () -> "ok")).hasMessageContaining("每分钟至多 5 次");
    }

    @Test
    void atMostSoManyRunAtOnceAndTheNextWaitsBrieflyThenIsTurnedAway() throws Exception {
        CheckThrottle t = new CheckThrottle(100, 100, 1);
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> t.run("addr:a", false, () -> {
            started.countDown();
            try { release.await(10, TimeUnit.SECONDS); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            return "first";
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> t.run("addr:b", false, () -> "second")).isInstanceOfSatisfying(CheckThrottle.Refused.class,
                r -> assertThat(r.status()).isEqualTo(503));
        assertThat((System.nanoTime() - t0) / 1e9).isBetween(1.5, 5.0);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(t.run("addr:b", false, () -> "now")).isEqualTo("now");
    }
}
