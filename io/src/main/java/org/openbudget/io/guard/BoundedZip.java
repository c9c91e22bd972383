package org.openbudget.io.guard;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A zip read from memory under bounds (issue 16: hostile input) — the one reader of the zips a user gives us whole: a
 * batch's upload (web) and an OFD package before its library unpacks it (audit). The workbook's zip is POI's, bounded
 * by its ZipSecureFile. Each entry is inflated once, in memory, counting as it goes:
 * <ul>
 * <li>entries at most {@link Bounds#entries()};</li>
 * <li>an entry larger than {@link Bounds#entryBytes()} is read through but not kept (its {@link Entry#content()} null):
 *     the caller says whether that refuses the whole or only the entry;</li>
 * <li>all entries together inflate to at most {@link Bounds#totalBytes()};</li>
 * <li>past the first megabyte, an entry — and the whole zip — must inflate to less than 1000 / {@link Bounds#minRatioPermille()}
 *     times its compressed bytes: a zip bomb stops there, not at the end.</li>
 * </ul>
 * Anything else wrong with the bytes (not a zip, cut short, empty) refuses the zip too, saying so in Chinese.
 */
public final class BoundedZip {
    private BoundedZip() {}

    /** The ratio is checked once this much has been inflated (small entries compress well and are harmless). */
    static final long RATIO_AFTER = 1 << 20;

    /**
     * @param entries          entries at most (directories counted)
     * @param entryBytes       one entry's inflated bytes kept at most
     * @param totalBytes       every entry's inflated bytes together at most
     * @param minRatioPermille the smallest compressed / inflated ratio, in thousandths
     */
    public record Bounds(int entries, long entryBytes, long totalBytes, int minRatioPermille) {
        /** The read limits' entry count and ratio, with the caller's bounds of one entry and of the whole. */
        public static Bounds of(ReadLimits limits, long entryBytes, long totalBytes) {
            return new Bounds(limits.zipEntries(), entryBytes, totalBytes, Math.max(1, limits.zipMinRatioPermille()));
        }
    }

    /** An entry (not a directory): its name as stored, and its bytes, or null when it inflates past {@link Bounds#entryBytes()}. */
    public record Entry(String name, byte[] content) {
        public boolean tooLarge() { return content == null; }
    }

    /** The zip refused as a whole: why, in the user's words. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** What is done with each entry, in the zip's order; it may refuse the zip. */
    @FunctionalInterface
    public interface Visitor {
        void accept(Entry e) throws Refused;
    }

    /**
     * Reads {@code zip}, its names in {@code names}, giving each entry to {@code visitor}; returns the number of entries.
     *
     * @throws Refused                  the zip is refused as a whole (a bound passed, unreadable, empty, or by the visitor)
     * @throws IllegalArgumentException a name is not in {@code names} (read again in another charset: GBK names of Windows' tools)
     */
    public static int read(byte[] zip, Charset names, Bounds b, Visitor visitor) throws Refused {
        Counting raw = new Counting(new ByteArrayInputStream(zip));
        int entries = 0;
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(raw, names)) {
            byte[] buf = new byte[64 * 1024];
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                ReadGuard.checkpoint();
                if (++entries > b.entries()) throw new Refused("压缩包的条目超过 " + b.entries() + " 个");
                String name = e.getName();
                long rawAtStart = raw.count, inflated = 0;
                ByteArrayOutputStream kept = e.isDirectory() ? null : new ByteArrayOutputStream();
                for (int n; (n = in.read(buf)) > 0; ) {
                    inflated += n;
                    if (inflated > RATIO_AFTER && bomb(raw.count - rawAtStart, inflated, b)
                            || total + inflated > RATIO_AFTER && bomb(raw.count, total + inflated, b)) {
                        throw new Refused("条目 " + printable(name) + " 解压后是压缩数据的 " + (inflated / Math.max(1, raw.count - rawAtStart))
                                + " 倍以上（压缩炸弹）：拒绝");
                    }
                    if (total + inflated > b.totalBytes()) throw new Refused("解压后合计超过 " + ReadLimits.size(b.totalBytes()));
                    if (kept != null && inflated > b.entryBytes()) kept = null;   // read through, not kept
                    if (kept != null) kept.write(buf, 0, n);
                }
                total += inflated;
                if (!e.isDirectory()) visitor.accept(new Entry(name, kept == null ? null : kept.toByteArray()));
            }
        } catch (ZipException | EOFException e) {
            throw new Refused("不是可读的 zip 压缩包（已损坏或格式不支持）");
        } catch (IOException e) {
            throw new Refused("无法读取压缩包");
        }
        if (entries == 0) throw new Refused("不是 zip 压缩包，或压缩包是空的");
        return entries;
    }

    /** Inflated more than 1000 / minRatioPermille times its compressed bytes. */
    private static boolean bomb(long compressed, long inflated, Bounds b) {
        return Math.max(1, compressed) * 1000 < inflated * b.minRatioPermille();
    }

    /** An entry's name as a message may print it: no control characters. */
    public static String printable(String name) {
        return name == null ? "" : name.replaceAll("\\p{Cntrl}", "?");
    }

    /** The compressed bytes read so far (the ratio guard). */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) { super(in); }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
