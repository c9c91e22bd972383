package org.openbudget.web.batch;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.openbudget.web.service.RuleViolation;

/**
 * Collects the documents a finance bureau's disclosure listing links to (issue 14, item 1): the listing page is read, every
 * link to a PDF or OFD file on the <em>same host</em> (scheme, host and port) is fetched, politely — robots.txt obeyed
 * (the group of our agent, else {@code *}; the longest matching Allow/Disallow wins), one request at a time with a pause
 * between them, every answer bounded in size and time, redirects followed only on the same host. Each file is handed
 * on with its address, its date (the date printed beside its link on the listing, else the server's Last-Modified) and
 * its bytes; a file that cannot be fetched is handed on as refused, saying why. Addresses of the machine itself or of a
 * private network are refused unless allowed ({@code budget.collect.allow-private}, for tests and an intranet portal).
 */
public final class Collector {
    public static final String AGENT = "OpenBudget-Collector";

    /** How far and how fast: files at most, bytes per file and per listing, the pause between requests, each request's timeout. */
    public record Limits(int maxFiles, long maxFileBytes, long maxPageBytes, Duration pause, Duration timeout, boolean allowPrivate) {
        public static Limits defaults() {
            return new Limits(500, 64L << 20, 4L << 20, Duration.ofSeconds(1), Duration.ofSeconds(30), false);
        }
    }

    /** A file found on the listing: fetched (content) or refused (why). */
    public record Fetched(String url, String name, byte[] content, LocalDate date, String dateFrom, String refused) {}

    private final Limits limits;
    private final HttpClient http;

    public Collector(Limits limits) {
        this.limits = limits;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(limits.timeout()).build();
    }

    /** A listing address as typed, checked before anything is fetched: http(s), a host, not private unless allowed. */
    public URI check(String address) {
        if (address == null || address.isBlank()) throw new RuleViolation("请填写公开目录页的网址");
        URI u;
        try {
            u = new URI(address.strip());
        } catch (URISyntaxException e) {
            throw new RuleViolation("网址无法识别：「" + clip(address.strip()) + "」（应如 https://czj.example.gov.cn/yjsgk/）");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) throw new RuleViolation("网址应以 http:// 或 https:// 开头：「" + clip(address.strip()) + "」");
        if (u.getHost() == null || u.getHost().isBlank()) throw new RuleViolation("网址缺少主机名：「" + clip(address.strip()) + "」");
        if (u.getUserInfo() != null) throw new RuleViolation("网址不能含用户名或密码");
        if (!limits.allowPrivate()) {
            try {
                for (InetAddress a : InetAddress.getAllByName(u.getHost()))
                    if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()
                            || isUniqueLocal(a))
                        throw new RuleViolation("不采集本机或内网地址：" + u.getHost());
            } catch (UnknownHostException e) {
                throw new RuleViolation("找不到主机：" + u.getHost());
            }
        }
        return u.normalize();
    }

    private static boolean isUniqueLocal(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }

    /**
     * Reads the listing and hands on each file linked from it ({@code found}), stopping when {@code stop} says so (a
     * cancelled job). Refused as a whole (RuleViolation) when robots.txt forbids the listing or the listing cannot be read.
     * The number of files handed on.
     */
    public int collect(URI listing, Consumer<Fetched> found, BooleanSupplier stop) {
        Robots robots = robots(listing);
        if (!robots.allows(pathOf(listing))) throw new RuleViolation("该网站的 robots.txt 不允许采集 " + pathOf(listing));
        pause();
        Answer page = fetch(listing, limits.maxPageBytes());
        if (page.refused() != null) throw new RuleViolation("公开目录页无法读取：" + page.refused());
        String html = new String(page.body(), charset(page.contentType(), page.body()));
        Map<URI, LocalDate> links = links(listing, html);
        int n = 0;
        for (Map.Entry<URI, LocalDate> l : links.entrySet()) {
            if (stop.getAsBoolean()) break;
            if (n >= limits.maxFiles()) {
                found.accept(new Fetched(l.getKey().toString(), "（其余 " + (links.size() - n) + " 个链接）", null, null, null,
                        "超过一次采集的文件数上限 " + limits.maxFiles() + "：从此链接起的 " + (links.size() - n) + " 个未采集"));
                break;
            }
            n++;
            URI u = l.getKey();
            if (!robots.allows(pathOf(u))) {
                found.accept(new Fetched(u.toString(), name(u), null, null, null, "robots.txt 不允许采集此文件"));
                continue;
            }
            pause();
            Answer a = fetch(u, limits.maxFileBytes());
            if (a.refused() != null) {
                found.accept(new Fetched(u.toString(), name(u), null, null, null, a.refused()));
                continue;
            }
            byte[] b = a.body();
            boolean pdf = b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';
            boolean zip = b.length > 4 && b[0] == 'P' && b[1] == 'K';
            if (!pdf && !zip) {
                found.accept(new Fetched(u.toString(), name(u), null, null, null, "不是 PDF 或 OFD 文件（" + (a.contentType().isEmpty() ? "未知类型" : a.contentType()) + "）"));
                continue;
            }
            LocalDate date = l.getValue();
            String from = date != null ? "列表页所列日期" : null;
            if (date == null && a.lastModified() != null) {
                date = a.lastModified();
                from = "服务器 Last-Modified";
            }
            found.accept(new Fetched(u.toString(), name(u), b, date, from, null));
        }
        return n;
    }

    // ---- the listing's links

    /**
     * The same-host links to .pdf and .ofd files of a page, in page order, each with the first date printed after it (before
     * the next link): 2024-02-15, 2024/2/15, 2024年2月15日. A scanner, no regular expression over the page.
     */
    static Map<URI, LocalDate> links(URI base, String html) {
        Map<URI, LocalDate> out = new LinkedHashMap<>();
        String lower = html.toLowerCase(Locale.ROOT);
        int i = 0;
        List<int[]> spans = new ArrayList<>();
        List<URI> uris = new ArrayList<>();
        while ((i = lower.indexOf("href", i)) >= 0) {
            int j = i + 4;
            while (j < lower.length() && Character.isWhitespace(lower.charAt(j))) j++;
            if (j >= lower.length() || lower.charAt(j) != '=') { i = j; continue; }
            j++;
            while (j < lower.length() && Character.isWhitespace(lower.charAt(j))) j++;
            if (j >= lower.length()) break;
            char q = lower.charAt(j);
            int start, end;
            if (q == '"' || q == '\'') {
                start = j + 1;
                end = lower.indexOf(q, start);
                if (end < 0) break;
            } else {
                start = j;
                end = start;
                while (end < lower.length() && !Character.isWhitespace(lower.charAt(end)) && lower.charAt(end) != '>') end++;
            }
            i = end;
            String href = unescape(html.substring(start, Math.min(end, start + 2000)).strip());
            URI u = resolve(base, href);
            if (u == null || !sameHost(base, u)) continue;
            String path = u.getPath() == null ? "" : u.getPath().toLowerCase(Locale.ROOT);
            if (!path.endsWith(".pdf") && !path.endsWith(".ofd")) continue;
            if (out.containsKey(u)) continue;
            out.put(u, null);
            uris.add(u);
            spans.add(new int[]{end});
        }
        for (int k = 0; k < uris.size(); k++) {
            int from = spans.get(k)[0], to = k + 1 < spans.size() ? spans.get(k + 1)[0] : Math.min(html.length(), from + 400);
            out.put(uris.get(k), date(text(html.substring(from, Math.min(to, from + 2000)))));
        }
        return out;
    }

    private static URI resolve(URI base, String href) {
        int hash = href.indexOf('#');
        String h = (hash >= 0 ? href.substring(0, hash) : href).strip().replace(" ", "%20");
        if (h.isEmpty() || h.regionMatches(true, 0, "javascript:", 0, 11) || h.regionMatches(true, 0, "mailto:", 0, 7)) return null;
        try {
            URI u = base.resolve(new URI(h)).normalize();
            return u.getScheme() == null || u.getHost() == null ? null : u;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    static boolean sameHost(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&#38;", "&");
    }

    /** The text of a piece of HTML: tags dropped. */
    private static String text(String html) {
        StringBuilder b = new StringBuilder();
        boolean tag = false;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<') tag = true;
            else if (c == '>') tag = false;
            else if (!tag) b.append(c);
        }
        return b.toString();
    }

    /** The first date of a text: 2024-02-15, 2024/2/15, 2024.2.15 or 2024年2月15日 (null: none, or not a date). */
    static LocalDate date(String s) {
        for (int i = 0; i + 4 <= s.length(); i++) {
            if (!digits(s, i, 4) || (i > 0 && Character.isDigit(s.charAt(i - 1)))) continue;
            int y = Integer.parseInt(s.substring(i, i + 4));
            int j = i + 4;
            if (j >= s.length() || "-/.年".indexOf(s.charAt(j)) < 0) continue;
            int[] m = number(s, j + 1);
            if (m == null || m[1] >= s.length() || "-/.月".indexOf(s.charAt(m[1])) < 0) continue;
            int[] d = number(s, m[1] + 1);
            if (d == null) continue;
            try {
                LocalDate x = LocalDate.of(y, m[0], d[0]);
                if (y >= 2000 && y <= 2100) return x;
            } catch (java.time.DateTimeException e) {
                // not a date
            }
        }
        return null;
    }

    private static boolean digits(String s, int from, int n) {
        if (from + n > s.length()) return false;
        for (int i = from; i < from + n; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    private static int[] number(String s, int from) {
        int i = from;
        while (i < s.length() && i < from + 2 && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        if (i == from) return null;
        return new int[]{Integer.parseInt(s.substring(from, i)), i};
    }

    private static String name(URI u) {
        String p = u.getPath() == null ? "" : u.getPath();
        String n = p.substring(p.lastIndexOf('/') + 1);
        return n.isEmpty() ? u.toString() : n;
    }

    private static String pathOf(URI u) {
        String p = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        return u.getRawQuery() == null ? p : p + "?" + u.getRawQuery();
    }

    // ---- robots.txt

    /** The rules of robots.txt for this agent: the group naming it, else the {@code *} group; none when there is no file. */
    record Robots(List<String[]> rules) {
        boolean allows(String path) {
            String best = null;
            boolean allow = true;
            for (String[] r : rules) {
                String p = r[1];
                if (p.isEmpty()) continue;
                if (matches(path, p) && (best == null || p.length() > best.length() || p.length() == best.length() && r[0].equals("allow"))) {
                    best = p;
                    allow = r[0].equals("allow");
                }
            }
            return allow;
        }

        /** A robots.txt path pattern: a prefix, with {@code *} for any run and {@code $} for the end. */
        static boolean matches(String path, String pattern) {
            boolean end = pattern.endsWith("$");
            String p = end ? pattern.substring(0, pattern.length() - 1) : pattern;
            String[] parts = p.split("\\*", -1);
            int at = 0;
            for (int k = 0; k < parts.length; k++) {
                String part = parts[k];
                if (k == 0) {
                    if (!path.startsWith(part)) return false;
                    at = part.length();
                } else {
                    int f = path.indexOf(part, at);
                    if (f < 0) return false;
                    at = f + part.length();
                }
            }
            return !end || at == path.length() || parts.length > 1 && path.endsWith(parts[parts.length - 1]);
        }

        static Robots parse(String text, String agent) {
            List<String[]> mine = new ArrayList<>(), any = new ArrayList<>();
            String me = agent.toLowerCase(Locale.ROOT);
            boolean groupMine = false, groupAny = false, inRules = false, sawMine = false;
            for (String raw : text.split("\n")) {
                String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
                int c = line.indexOf(':');
                if (c < 0) continue;
                String key = line.substring(0, c).strip().toLowerCase(Locale.ROOT), value = line.substring(c + 1).strip();
                if (key.equals("user-agent")) {
                    if (inRules) {   // a new group begins
                        groupMine = false;
                        groupAny = false;
                        inRules = false;
                    }
                    String v = value.toLowerCase(Locale.ROOT);
                    if (v.equals("*")) groupAny = true;
                    else if (!v.isEmpty() && me.contains(v)) {
                        groupMine = true;
                        sawMine = true;
                    }
                } else if (key.equals("allow") || key.equals("disallow")) {
                    inRules = true;
                    if (groupMine) mine.add(new String[]{key, value});
                    if (groupAny) any.add(new String[]{key, value});
                }
            }
            return new Robots(sawMine ? mine : any);
        }
    }

    Robots robots(URI listing) {
        URI r = URI.create(listing.getScheme() + "://" + listing.getRawAuthority() + "/robots.txt");
        Answer a = fetch(r, 512 << 10);
        if (a.status() >= 400 && a.status() < 500) return new Robots(List.of());   // no robots.txt: everything allowed
        if (a.refused() != null) throw new RuleViolation("无法读取该网站的 robots.txt：" + a.refused() + "（未采集）");
        return Robots.parse(new String(a.body(), StandardCharsets.UTF_8), AGENT);
    }

    // ---- fetching

    record Answer(int status, byte[] body, String contentType, LocalDate lastModified, String refused) {}

    /** GET, bounded in bytes and time; a redirect followed on the same host (three at most). */
    Answer fetch(URI u, long maxBytes) {
        URI at = u;
        for (int hop = 0; hop < 4; hop++) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(at.toASCIIString())).timeout(limits.timeout()).header("User-Agent", AGENT + " (OpenBudget; +https://github.com/openbudget)")
                    .GET().build();
            try {
                HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                    int s = r.statusCode();
                    if (s >= 300 && s < 400) {
                        String loc = r.headers().firstValue("Location").orElse("");
                        URI next = loc.isEmpty() ? null : resolve(at, loc);
                        if (next == null || !sameHost(u, next)) return new Answer(s, new byte[0], "", null, "重定向到其他网站（" + clip(loc) + "），未跟随");
                        at = next;
                        continue;
                    }
                    long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
                    if (declared > maxBytes) return new Answer(s, new byte[0], "", null, "文件过大（" + mb(declared) + "，上限 " + mb(maxBytes) + "）");
                    if (s >= 400) return new Answer(s, new byte[0], "", null, "服务器答复 HTTP " + s);
                    byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                    if (body.length > maxBytes) return new Answer(s, new byte[0], "", null, "文件过大（超过上限 " + mb(maxBytes) + "）");
                    String type = r.headers().firstValue("Content-Type").orElse("");
                    LocalDate modified = r.headers().firstValue("Last-Modified").map(Collector::httpDate).orElse(null);
                    return new Answer(s, body, type, modified, null);
                }
            } catch (java.net.http.HttpTimeoutException e) {
                return new Answer(0, new byte[0], "", null, "超时（" + limits.timeout().toSeconds() + " 秒）");
            } catch (IOException e) {
                return new Answer(0, new byte[0], "", null, "无法连接或读取（" + e.getClass().getSimpleName().replace("Exception", "") + "）");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(0, new byte[0], "", null, "已中断");
            }
        }
        return new Answer(0, new byte[0], "", null, "重定向次数过多");
    }

    private static LocalDate httpDate(String s) {
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private void pause() {
        if (limits.pause().isZero()) return;
        try {
            Thread.sleep(limits.pause().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.nio.charset.Charset charset(String contentType, byte[] body) {
        String t = contentType.toLowerCase(Locale.ROOT);
        int c = t.indexOf("charset=");
        String name = c >= 0 ? t.substring(c + 8).replace("\"", "").strip() : "";
        if (name.isEmpty()) {
            String head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            int m = head.indexOf("charset=");
            if (m >= 0) {
                int e = m + 8;
                while (e < head.length() && (Character.isLetterOrDigit(head.charAt(e)) || head.charAt(e) == '-' || head.charAt(e) == '"')) e++;
                name = head.substring(m + 8, e).replace("\"", "");
            }
        }
        try {
            return name.isEmpty() ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String mb(long b) {
        return String.format("%.1f MB", b / 1048576.0);
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
