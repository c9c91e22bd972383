package org.openbudget.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.openbudget.audit.origin.SourceLines;
import org.openbudget.audit.ofd.OfdLayout;
import org.openbudget.audit.pdf.PdfLayout;
import org.openbudget.audit.pdf.PdfReadAhead;
import org.openbudget.audit.text.PublishedTextReader;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.Origin;
import org.openbudget.io.InputException;
import org.openbudget.io.guard.FailureLog;
import org.openbudget.io.guard.ReadGuard;
import org.openbudget.io.guard.ReadLimits;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * The audit of one published document: the file (plain text or PDF) read into a Disclosure, the
 * whole check catalogue run on it, and what is needed to show each finding where it is — the text
 * lines the reader saw and, for a PDF, the page of each line.
 *
 * <p>Input is bounded: a text over {@link #MAX_TEXT_BYTES} or a PDF over {@link #MAX_PDF_BYTES} is
 * refused with a clear error before it is read; a PDF is read from the file with a temp-file cache.
 * Whatever the bytes, the result is an {@link InputException} (file, what is wrong) or an honest
 * partial result with reader notes — never another exception.
 */
public final class DocumentAudit {
    public static final long MAX_TEXT_BYTES = 16L << 20;
    public static final long MAX_PDF_BYTES = 64L << 20;

    /** What was read: a text, or a fixed-layout document with pages (PDF; OFD, GB/T 33190). */
    public enum Format {
        TEXT("文本"), PDF("PDF"), OFD("OFD");

        private final String label;

        Format(String label) { this.label = label; }

        /** 文本, PDF or OFD, as a report names it. */
        public String label() { return label; }

        /** A document of pages, its lines placed on them. */
        public boolean paged() { return this != TEXT; }
    }

    /**
     * @param lines      the document's text as the reader saw it (for a PDF: rebuilt from glyph positions)
     * @param pageOfLine for a PDF, the 1-based page of each line; empty for a text
     */
    public record Result(String file, Format format, Disclosure disclosure, List<String> notes, List<Finding> findings,
                         PublishedTextReader.Result read, List<String> lines, int[] pageOfLine) {
        public boolean hasErrors() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }

        /** The text of 1-based line {@code n}, "" when out of range. */
        public String line(int n) {
            return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
        }

        /** The page of 1-based line {@code n} (PDF), 0 when unknown. */
        public int page(int n) {
            return n >= 1 && n <= pageOfLine.length ? pageOfLine[n - 1] : 0;
        }
    }

    private DocumentAudit() {}

    /**
     * Reads and audits {@code file} under {@link ReadGuard} (a time budget that ends the work, the
     * bounds of {@link ReadLimits}, and any unforeseen failure turned into a located refusal).
     */
    public static Result run(Path file, ReferenceLibrary lib) {
        return ReadGuard.read(file.toString(), () -> runUnguarded(file, lib));
    }

    /**
     * Reads and audits a document already in memory (an upload: the web writes no temporary file), under
     * the same guard and bounds as {@link #run(Path, ReferenceLibrary)}.
     */
    public static Result run(String name, byte[] content, ReferenceLibrary lib) {
        return ReadGuard.read(name, () -> runUnguarded(name, content, lib));
    }

    /**
     * Several files audited as one document, in the order given: a 说明 and its 报表 published apart
     * (Beijing), or a document split into parts. Their lines are read one after the other, each PDF's
     * pages numbered on from the previous file's, so a finding's page is the page of the whole.
     */
    public static Result runAsOne(List<Path> files, ReferenceLibrary lib) {
        if (files.size() == 1) return run(files.get(0), lib);
        String where = files.get(0) + " 等 " + files.size() + " 个文件";
        return ReadGuard.read(where, () -> {
            List<String> lines = new ArrayList<>();
            List<Integer> pages = new ArrayList<>();
            List<PdfLayout.LineBox> boxes = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            boolean pdf = false;
            int pageOffset = 0;
            for (Path f : files) {
                Part part = load(f);
                pdf |= part.format().paged();
                for (int i = 0; i < part.lines().size(); i++) {
                    lines.add(part.lines().get(i));
                    int pg = i < part.pageOfLine().length ? part.pageOfLine()[i] : 0;
                    pages.add(pg > 0 ? pg + pageOffset : 0);
                    boxes.add(i < part.boxes().size() ? part.boxes().get(i) : null);
                }
                pageOffset += part.pages();
                for (String n : part.notes()) notes.add(name(f) + "：" + n);
            }
            int[] pageOfLine = pdf ? pages.stream().mapToInt(Integer::intValue).toArray() : new int[0];
            bounded(lines, where, pdf ? Format.PDF : Format.TEXT, pageOfLine);
            String name = name(files.get(0)) + " 等 " + files.size() + " 个文件";
            return audit(name, pdf ? Format.PDF : Format.TEXT, lines, pageOfLine, boxes, notes, lib, where);
        });
    }

    private static String name(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /** One file's lines as the reader sees them: a PDF's rebuilt from its glyphs (with pages), a text's as written. */
    private record Part(Format format, List<String> lines, int[] pageOfLine, int pages, List<String> notes, List<PdfLayout.LineBox> boxes) {}

    private static Part load(Path file) {
        ReadLimits limits = ReadLimits.current();
        if (!Files.isRegularFile(file)) throw new InputException(file.toString(), 0, "FILE", "文件不存在或不是普通文件 (no such file)");
        long size;
        byte[] head = new byte[1024];
        int got;
        try {
            size = Files.size(file);
            try (InputStream in = Files.newInputStream(file)) {
                got = in.readNBytes(head, 0, head.length);
            }
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "FILE", "无法读取文件 (cannot read the file)");
        }
        if (size == 0) throw new InputException(file.toString(), 0, "FILE", "文件为空 (empty file)");
        if (OfdLayout.isOfd(head, got)) {
            withinPdfLimit(size, file.toString(), limits);
            try {
                return ofdPart(OfdLayout.read(file.toString(), Files.readAllBytes(file), limits), file.toString());
            } catch (OfdLayout.OfdException e) {
                throw new InputException(file.toString(), 0, "OFD", e.getMessage());
            } catch (IOException e) {
                throw new InputException(file.toString(), 0, "FILE", "无法读取文件 (cannot read the file)");
            }
        }
        if (PdfLayout.isPdf(head, got)) {
            withinPdfLimit(size, file.toString(), limits);
            PdfLayout.Text t;
            try {
                // read ahead on the spare core while the command line was parsed (a one-file audit), else now
                t = PdfReadAhead.take(file, limits);
                if (t == null) t = PdfLayout.read(file.toFile(), limits);
            } catch (PdfLayout.PdfException e) {
                throw new InputException(file.toString(), 0, "PDF", e.getMessage());
            }
            return pdfPart(t, file.toString());
        }
        withinTextLimit(size, file.toString(), limits);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "FILE", "无法读取文件 (cannot read the file)");
        }
        return textPart(bytes, file.toString());
    }

    private static Part pdfPart(PdfLayout.Text t, String where) {
        List<String> notes = new ArrayList<>(t.notes());
        if (t.encrypted()) notes.add("PDF 设有权限密码（无打开密码），已按只读方式读取");
        if (t.lines().isEmpty()) {
            throw new InputException(where, 0, "PDF", "PDF 中没有可提取的文字（可能是扫描件，需要先做文字识别） (no extractable text: a scanned PDF?)");
        }
        return new Part(Format.PDF, t.lines(), t.pageOfLine(), t.pages(), notes, t.boxes());
    }

    private static Part ofdPart(PdfLayout.Text t, String where) {
        if (t.lines().isEmpty()) {
            throw new InputException(where, 0, "OFD", "OFD 中没有可提取的文字（可能是扫描件，需要先做文字识别） (no extractable text)");
        }
        return new Part(Format.OFD, t.lines(), t.pageOfLine(), t.pages(), new ArrayList<>(t.notes()), t.boxes());
    }

    private static Part textPart(byte[] bytes, String where) {
        return textPart(decode(bytes, where));
    }

    private static Part textPart(String text) {
        return new Part(Format.TEXT, List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)), new int[0], 0, new ArrayList<>(), List.of());
    }

    private static Result runUnguarded(Path file, ReferenceLibrary lib) {
        return audit(name(file), load(file), lib, file.toString());
    }

    private static Result audit(String name, Part part, ReferenceLibrary lib, String where) {
        bounded(part.lines(), where, part.format(), part.pageOfLine());
        return audit(name, part.format(), part.lines(), part.pageOfLine(), part.boxes(), new ArrayList<>(part.notes()), lib, where);
    }

    private static Result runUnguarded(String name, byte[] content, ReferenceLibrary lib) {
        ReadLimits limits = ReadLimits.current();
        if (content.length == 0) throw new InputException(name, 0, "FILE", "文件为空 (empty file)");
        if (OfdLayout.isOfd(content, Math.min(content.length, 1024))) {
            withinPdfLimit(content.length, name, limits);
            try {
                return audit(name, ofdPart(OfdLayout.read(name, content, limits), name), lib, name);
            } catch (OfdLayout.OfdException e) {
                throw new InputException(name, 0, "OFD", e.getMessage());
            }
        }
        if (PdfLayout.isPdf(content, Math.min(content.length, 1024))) {
            withinPdfLimit(content.length, name, limits);
            PdfLayout.Text t;
            try {
                t = PdfLayout.read(name, content, limits);
            } catch (PdfLayout.PdfException e) {
                throw new InputException(name, 0, "PDF", e.getMessage());
            }
            return audit(name, pdfPart(t, name), lib, name);
        }
        withinTextLimit(content.length, name, limits);
        return audit(name, textPart(content, name), lib, name);
    }

    private static void withinPdfLimit(long size, String where, ReadLimits limits) {
        long max = Math.min(MAX_PDF_BYTES, limits.pdfBytes());
        if (size > max) {
            throw new InputException(where, 0, "FILE", "PDF 文件过大（" + mb(size) + "，上限 " + mb(max) + "） (PDF too large)");
        }
    }

    private static void withinTextLimit(long size, String where, ReadLimits limits) {
        long maxText = Math.min(MAX_TEXT_BYTES, limits.textBytes());
        if (size > maxText) {
            throw new InputException(where, 0, "FILE", "文本文件过大（" + mb(size) + "，上限 " + mb(maxText) + "），不像一份预算公开文档 (text too large)");
        }
    }

    /** Audits a document's text already in memory (tests, the web). */
    public static Result auditText(String name, String text, ReferenceLibrary lib, String where) {
        return ReadGuard.read(where, () -> audit(name, textPart(text), lib, where));
    }

    /**
     * Audits a PDF's text layer already laid out ({@link PdfLayout#read}): its lines, pages and boxes, as
     * {@link #run(Path, ReferenceLibrary)} audits them after reading the file (the mutation tests change one
     * figure of the laid-out text and audit it again without reading the PDF anew).
     */
    public static Result auditLaidOut(String name, PdfLayout.Text t, ReferenceLibrary lib) {
        return ReadGuard.read(name, () -> audit(name, pdfPart(t, name), lib, name));
    }

    /**
     * Every line within {@link ReadLimits#lineChars()} and the count of lines within bounds: a
     * disclosure's lines are short, and a megabyte-long line only makes the reader work.
     */
    private static void bounded(List<String> lines, String where, Format format, int[] pages) {
        ReadLimits limits = ReadLimits.current();
        int maxLines = limits.rows() * 5;
        if (lines.size() > maxLines) {
            throw new InputException(where, 0, "FILE", "行数过多（" + lines.size() + " 行，上限 " + maxLines + " 行），不像一份预算公开文档 (too many lines)");
        }
        for (int i = 0; i < lines.size(); i++) {
            int n = lines.get(i).length();
            if (n > limits.lineChars()) {
                String page = format.paged() && i < pages.length ? "第 " + pages[i] + " 页，" : "";
                throw new InputException(where, i + 1, "FILE", page + "第 " + (i + 1) + " 行过长（" + n + " 个字符，上限 " + limits.lineChars()
                        + "），不像一份预算公开文档的一行 (a line too long)");
            }
        }
    }

    private static Result audit(String name, Format format, List<String> lines, int[] pages, List<PdfLayout.LineBox> boxes,
                                List<String> notes, ReferenceLibrary lib, String where) {
        PublishedTextReader.Result r;
        ReadGuard.at(format.paged() ? format.label() + " 的文字（已全部取出），正在识别表格" : "文本的表格与文字");
        try {
            r = PublishedTextReader.readWithNotes(name, lines, lib, source(lines.size(), pages, boxes));
        } catch (InputException | ReadGuard.Stop e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            String id = FailureLog.log(where, "recognising the document's structure", e);
            throw new InputException(where, 0, "文档", "无法识别文档结构：表格或文字的排列与预算公开文档不符（记录编号 " + id + "） (the document's structure was not recognised)");
        }
        notes.addAll(r.notes());
        int maxNotes = ReadLimits.current().problems();
        if (notes.size() > maxNotes) {
            int all = notes.size();
            notes.subList(maxNotes, all).clear();
            notes.add("共 " + all + " 条读取提示，以上列出前 " + maxNotes + " 条 (" + all + " notes in all)");
        }
        Disclosure d = r.disclosure();
        List<Finding> findings;
        try {
            findings = CheckCatalogue.run(d, lib.profile(d.profileId()), lib.year(d.year()));
        } catch (ReadGuard.Stop e) {
            throw e;
        } catch (RuntimeException e) {
            String id = FailureLog.log(where, "running the checks", e);
            notes.add("审核未能完成：读回的表格无法逐项核对（记录编号 " + id + "）");
            findings = List.of();
        }
        return new Result(name, format, d, notes, findings, r, lines, pages);
    }

    /** Where each line is: a PDF's page and boxes, a text's line numbers. */
    private static SourceLines source(int count, int[] pages, List<PdfLayout.LineBox> boxes) {
        if (pages.length == 0) return SourceLines.text(count);
        List<Origin.Box> lineBoxes = new ArrayList<>(boxes.size());
        List<List<Origin.Box>> cellBoxes = new ArrayList<>(boxes.size());
        for (PdfLayout.LineBox b : boxes) {
            lineBoxes.add(b == null ? null : b.box());
            cellBoxes.add(b == null ? List.of() : b.cells());
        }
        return SourceLines.pdf(count, pages, lineBoxes, cellBoxes);
    }

    /** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (Windows Chinese); binary is refused. */
    static String decode(byte[] b, String where) {
        int controls = 0;
        int scan = Math.min(b.length, 1 << 16);
        for (int i = 0; i < scan; i++) {
            int c = b[i] & 0xff;
            if (c == 0 && !(b.length >= 2 && ((b[0] & 0xff) == 0xFF || (b[0] & 0xff) == 0xFE))) {
                throw new InputException(where, 0, "FILE", "不是文本文件，也不是 PDF（二进制内容） (neither text nor PDF)");
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') controls++;
        }
        if (controls > scan / 20 + 8) throw new InputException(where, 0, "FILE", "不是文本文件，也不是 PDF（二进制内容） (neither text nor PDF)");
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        int off = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        // the platform's own decoding (one pass, no buffer copied): malformed bytes become U+FFFD, so a text without one
        // was well-formed; with one (malformed, or a U+FFFD written in the text) the strict decoder below decides
        String lenient = new String(b, off, b.length - off, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) return lenient;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, b.length - off)).toString();
        } catch (CharacterCodingException e) {
            try {
                return Charset.forName("GB18030").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e2) {
                throw new InputException(where, 0, "FILE", "既不是 UTF-8 也不是 GB18030 文本 (not UTF-8 or GB18030 text)");
            }
        }
    }

    private static String mb(long bytes) {
        return (bytes >> 20) + " MB";
    }
}
