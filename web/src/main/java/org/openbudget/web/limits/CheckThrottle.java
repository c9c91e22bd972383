package org.openbudget.web.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounded work for the checks anyone may ask for ({@code /api/check}, {@code /api/audit}): each client (a logged-in
 * account, or an anonymous client's address) gets {@code budget.limits.check-per-minute} (30; 120 for a logged-in
 * account, whose editor checks as it types) with bursts of as many; at most {@code budget.limits.check-concurrent}
 * (2) run at once, a request waiting at most two seconds for its turn. Together with the body limit
 * ({@link RequestSizeLimit}) this bounds the memory checks can take, whatever the number of clients.
 */
@Component
public class CheckThrottle {
    private static final Logger log = LoggerFactory.getLogger(CheckThrottle.class);
    static final int MAX_CLIENTS = 10_000;

    private final int perMinute;
    private final int perMinuteLoggedIn;
    private final Semaphore running;
    private final Map<String, double[]> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) { return size() > MAX_CLIENTS; }
    };

    public CheckThrottle(@Value("${budget.limits.check-per-minute:30}") int perMinute,
                         @Value("${budget.limits.check-per-minute-logged-in:120}") int perMinuteLoggedIn,
                         @Value("${budget.limits.check-concurrent:2}") int concurrent) {
        this.perMinute = perMinute;
        this.perMinuteLoggedIn = perMinuteLoggedIn;
        this.running = new Semaphore(Math.max(1, concurrent), true);
    }

    /** Refused: too many checks from one client (429), or the server busy with others' (503). */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final int retryAfterSeconds;

        Refused(int status, int retryAfterSeconds, String message) {
            super(message);
            this.status = status;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int status() { return status; }
        public int retryAfterSeconds() { return retryAfterSeconds; }
    }

    /** Takes one check from the client's allowance, or refuses. */
    synchronized void take(String client, boolean loggedIn) {
        int rate = loggedIn ? perMinuteLoggedIn : perMinute;
        long now = System.nanoTime();
        double[] b = buckets.computeIfAbsent(client, k -> new double[]{rate, now});
        double refill = (now - (long) b[1]) / 60e9 * rate;
        b[0] = Math.min(rate, b[0] + refill);
        b[1] = now;
        if (b[0] < 1) {
            int wait = (int) Math.ceil((1 - b[0]) * 60.0 / rate);
            log.info("审核请求过于频繁 (check rate limit) {}", client);
            throw new Refused(429, wait, "审核请求过于频繁：每分钟至多 " + rate + " 次，请 " + wait + " 秒后再试。");
        }
        b[0] -= 1;
    }

    /** Runs a check within the client's allowance and the server's bound on concurrent checks. */
    public <T> T run(String client, boolean loggedIn, java.util.function.Supplier<T> check) {
        take(client, loggedIn);
        boolean got;
        try {
            got = running.tryAcquire(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) throw new Refused(503, 5, "服务器正忙于其他审核，请稍后再试。");
        try {
            return check.get();
        } finally {
            running.release();
        }
    }
}
