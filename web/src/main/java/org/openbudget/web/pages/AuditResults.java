package org.openbudget.web.pages;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openbudget.web.service.PublishedAuditService.Located;
import org.springframework.stereotype.Component;

/**
 * The audit page's latest results, kept a while so that their findings can be exported without the file being sent again:
 * each under a random token the page links to, at most {@value #MAX} of them, for {@value #MINUTES} minutes. Only the
 * findings and their places are kept (not the document).
 */
@Component
public class AuditResults {
    static final int MAX = 200;
    static final int MINUTES = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Kept(String title, List<Located> located, long at) {}

    private final Map<String, Kept> kept = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) { return size() > MAX; }
    });

    /** Keeps a result; the token to fetch it by. */
    public String keep(String title, List<Located> located) {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        String token = HexFormat.of().formatHex(b);
        kept.put(token, new Kept(title, List.copyOf(located), System.currentTimeMillis()));
        return token;
    }

    public Optional<Kept> get(String token) {
        Kept k = token == null ? null : kept.get(token);
        if (k == null || System.currentTimeMillis() - k.at() > MINUTES * 60_000L) return Optional.empty();
        return Optional.of(k);
    }
}
