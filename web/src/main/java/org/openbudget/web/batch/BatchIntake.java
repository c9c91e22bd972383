package org.openbudget.web.batch;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openbudget.audit.DocumentAudit;
import org.openbudget.io.InputProblem;
import org.openbudget.io.guard.BoundedZip;
import org.openbudget.io.guard.ReadLimits;
import org.openbudget.web.service.InvalidDatasetException;

/**
 * What a reviewer uploads for a batch, unpacked and bounded before anything is stored: PDF and text files as they
 * are, zips opened in memory (never on disk) by the one bounded zip reader ({@link BoundedZip}) under the hostile-input
 * bounds of {@link ReadLimits} — entries, the size of each file (a PDF's or a text's own bound, as the audit reads them),
 * the whole, and the inflation ratio (a zip bomb stops at the first megabyte past the ratio). A file that cannot be a document (another type, empty, too large, a zip
 * inside the zip) is kept as a refused entry saying why, so the reviewer sees every file; a zip that cannot be read at
 * all refuses the upload, naming it.
 */
public final class BatchIntake {
    /** One file of the batch: its name (the zip's path inside it), its bytes, or why it is refused (then no bytes). */
    public record Item(String name, byte[] content, String refused) {
        public boolean ok() { return refused == null; }
    }

    /** An uploaded file before unpacking: its bytes are read only once the batch is being received (one batch at a time). */
    public record Upload(String name, Content content) {}

    /** The bytes of an upload (a multipart part on disk), read when needed. */
    @FunctionalInterface
    public interface Content {
        byte[] read() throws IOException;
    }

    private final ReadLimits limits;
    /** Documents of one batch at most, and their inflated bytes together. */
    private final int maxDocuments;
    private final long maxTotalBytes;

    public BatchIntake(ReadLimits limits, int maxDocuments, long maxTotalBytes) {
        this.limits = limits;
        this.maxDocuments = maxDocuments;
        this.maxTotalBytes = maxTotalBytes;
    }

    public List<Item> unpack(List<Upload> uploads) {
        List<Item> out = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        long[] total = {0};
        for (Upload u : uploads) {
            String name = cleanName(u.name());
            byte[] bytes;
            try {
                bytes = u.content() == null ? null : u.content().read();
            } catch (IOException e) {
                problems.add(new InputProblem(name, 0, "file", "上传的文件不完整，无法读取"));
                continue;
            }
            if (bytes == null || bytes.length == 0) {
                if (!name.isEmpty() && !"上传文件".equals(name)) out.add(new Item(name, null, "文件为空"));
                continue;
            }
            // an OFD is a zip too, but a document: by its name or its package (OFD.xml)
            boolean ofd = lower(name).endsWith(".ofd") || org.openbudget.audit.ofd.OfdLayout.isOfd(bytes, Math.min(bytes.length, 1024));
            if (!ofd && (lower(name).endsWith(".zip") || looksLikeZip(bytes) && !lower(name).endsWith(".pdf"))) {
                try {
                    unzip(name, bytes, out, total);
                } catch (Refused r) {
                    problems.add(new InputProblem(name, 0, r.where, r.getMessage()));
                }
            } else {
                total[0] += bytes.length;
                out.add(document(name, bytes));
            }
            if (total[0] > maxTotalBytes) {
                problems.add(new InputProblem(name, 0, "file", "这一批文件合计超过 " + ReadLimits.size(maxTotalBytes) + "：请分成几批上传"));
                break;
            }
        }
        if (out.size() > maxDocuments)
            problems.add(new InputProblem("", 0, "file", "一批至多 " + maxDocuments + " 个文件，这一批有 " + out.size() + " 个：请分成几批上传"));
        if (!problems.isEmpty()) throw new InvalidDatasetException("这一批文件未能接收，未保存任何文件", problems);
        if (out.isEmpty())
            throw new InvalidDatasetException("没有收到文件", List.of(new InputProblem("", 0, "file", "请选择 PDF 或文本文件，或它们的 zip 压缩包")));
        return out;
    }

    /** A file as a document of the batch: a PDF, an OFD or a text within its bound, or refused saying why. */
    Item document(String name, byte[] content) {
        String n = lower(name);
        boolean pdf = n.endsWith(".pdf") || startsWith(content, "%PDF-")
                || n.endsWith(".ofd") || org.openbudget.audit.ofd.OfdLayout.isOfd(content, Math.min(content.length, 1024));
        boolean text = n.endsWith(".txt");
        if (!pdf && !text) return new Item(name, null, "不是 PDF、OFD 或文本（.txt）文件：只审核已公开文档的 PDF、OFD 或其文本");
        long bound = pdf ? Math.min(limits.pdfBytes(), DocumentAudit.MAX_PDF_BYTES) : Math.min(limits.textBytes(), DocumentAudit.MAX_TEXT_BYTES);
        if (content.length > bound)
            return new Item(name, null, (pdf ? "PDF" : "文本") + "文件 " + ReadLimits.size(content.length) + "，超过上限 " + ReadLimits.size(bound));
        if (content.length == 0) return new Item(name, null, "文件为空");
        return new Item(name, content, null);
    }

    private void unzip(String zipName, byte[] zip, List<Item> out, long[] total) {
        try {
            unzip(zipName, zip, out, total, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedName) {
            // names written by Windows' and WPS's zip tools are GBK, without the UTF-8 flag
            unzip(zipName, zip, out, total, Charset.forName("GB18030"));
        }
    }

    private void unzip(String zipName, byte[] zip, List<Item> out, long[] total, Charset names) {
        List<Item> mine = new ArrayList<>();
        long bound = Math.min(limits.pdfBytes(), DocumentAudit.MAX_PDF_BYTES);
        long[] kept = {0};
        try {
            BoundedZip.read(zip, names, BoundedZip.Bounds.of(limits, bound, Math.max(0, maxTotalBytes - total[0])), e -> {
                String name = cleanName(e.name());
                if (skipped(e.name())) return;
                String where = zipName + " › " + name;
                if (lower(name).endsWith(".zip")) mine.add(new Item(where, null, "压缩包中的压缩包不展开：请解压后上传"));
                else if (e.tooLarge()) mine.add(new Item(where, null, "解压后超过上限 " + ReadLimits.size(bound)));
                else {
                    kept[0] += e.content().length;
                    mine.add(document(where, e.content()));
                }
            });
        } catch (BoundedZip.Refused r) {
            throw new Refused("zip", r.getMessage().startsWith("解压后合计超过") ? r.getMessage() + "：请分成几批上传" : r.getMessage());
        } catch (IllegalArgumentException e) {
            if (names == StandardCharsets.UTF_8) throw e;
            throw new Refused("zip", "压缩包中的文件名无法识别");
        }
        total[0] += kept[0];
        out.addAll(mine);
    }

    private static boolean skipped(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return path.startsWith("__MACOSX/") || path.contains("/__MACOSX/") || last.startsWith(".") || last.equalsIgnoreCase("Thumbs.db");
    }

    /** The name a file is shown under: no control characters, no leading path of the uploader's machine, at most 200 characters. */
    static String cleanName(String name) {
        if (name == null) return "上传文件";
        String n = name.replace('\\', '/').replaceAll("\\p{Cntrl}", "").trim();
        while (n.startsWith("/") || n.startsWith("./") || n.startsWith("../")) n = n.substring(n.indexOf('/') + 1);
        if (n.length() > 200) n = n.substring(n.length() - 200);
        return n.isEmpty() ? "上传文件" : n;
    }

    private static String lower(String s) { return s.toLowerCase(Locale.ROOT); }

    private static boolean looksLikeZip(byte[] b) { return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4; }

    private static boolean startsWith(byte[] b, String magic) {
        if (b.length < magic.length()) return false;
        for (int i = 0; i < magic.length(); i++) if (b[i] != magic.charAt(i)) return false;
        return true;
    }

    private static final class Refused extends RuntimeException {
        final String where;

        Refused(String where, String message) {
            super(message, null, false, false);
            this.where = where;
        }
    }
}
