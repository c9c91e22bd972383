package org.openbudget.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.report.BatchReport;
import org.openbudget.audit.report.Evidence;
import org.openbudget.audit.report.ReportCsv;
import org.openbudget.audit.report.ReportHtml;
import org.openbudget.audit.report.ReportJson;
import org.openbudget.audit.report.Scores;
import org.openbudget.core.score.Scorecard;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.io.InputException;
import org.openbudget.io.guard.FailureLog;
import org.openbudget.io.refdata.ReferenceLibrary;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./budget audit FILE [--json | --csv | --html OUT]}: reads a published disclosure document
 * (its extracted text, or the PDF itself) back into its tables and runs the same check catalogue
 * on it as {@code check} runs on a ledger's document; reports each finding with its evidence.
 *
 * <p>{@code ./budget audit DIR|FILE… [--summary report.html|.xlsx|.csv] [--jobs N]}: many documents in
 * one run, several at once, one line each (template, tables read, findings by severity, or why it was
 * not read), a progress line on a terminal, the exit code the worst of them. {@code --as-one A B}: the
 * files are one document (a 说明 and its 报表 published apart).
 */
@Command(name = "audit", description = "审核已公开的文档（文本或 PDF）：读回各表并按审核公式审核，退出码 0 无错误、1 有错误、2 无法读取；"
        + "可给多个文件或目录批量审核 (read published documents — text or PDF — back into their tables and run the check catalogue; "
        + "several files or directories: one line each; exit 0 no error, 1 errors, 2 unreadable, the worst of all)")
final class AuditCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "公开文档：PDF、OFD，或其文本（UTF-8 / GB18030）；或目录（其中的 .pdf、.ofd、.txt） (documents: PDF, OFD or text; or directories of them)")
    List<Path> files;

    @Option(names = "--summary", paramLabel = "OUT", description = "批量审核的汇总表写到 OUT（.html、.xlsx 或 .csv） (write the batch summary to OUT: .html, .xlsx or .csv)")
    Path summary;

    @Option(names = "--as-one", description = "所给文件合为一份文档审核（如说明与报表分开发布） (audit the files given as one document)")
    boolean asOne;

    @Option(names = "--jobs", paramLabel = "N", description = "同时审核的文档数（默认为处理器数） (documents audited at once; default: the machine's cores)")
    Integer jobs;

    static final class Output {
        @Option(names = "--json", description = "JSON 输出：表、审核结果（含依据）、文字事实、读取提示 (JSON: tables, findings with evidence, text facts, reader notes)")
        boolean json;

        @Option(names = "--csv", description = "CSV 输出，每行一条审核结果（UTF-8 带 BOM，可直接用 Excel 打开）(CSV, one finding per row, for Excel)")
        boolean csv;

        @Option(names = "--html", paramLabel = "OUT", description = "把 HTML 审核报告写到 OUT (write the self-contained HTML report to OUT)")
        Path html;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Output output = new Output();

    @CommandLine.Mixin RefdataOption refdata = new RefdataOption();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ReferenceLibrary lib = refdata.library();
        boolean single = files.size() == 1 && !Files.isDirectory(files.get(0));
        if (asOne || (single && summary == null)) {
            // the templates on the second core while the document is read (readied at start-up unless --refdata)
            if (lib != RefdataOption.early) BudgetCli.prepareTemplates(lib);
            DocumentAudit.Result a = asOne ? DocumentAudit.runAsOne(files, lib) : DocumentAudit.run(files.get(0), lib);
            return report(a, lib);
        }
        if (output.json || output.csv || output.html != null) {
            throw new InputException("audit", 0, "--json/--csv/--html", "这些输出只用于单个文档；多个文档请用 --summary OUT (these outputs are for one document; use --summary for many)");
        }
        return batch(lib);
    }

    /** Many documents: each audited on its own (several at once), one line each in the order given. */
    private int batch(ReferenceLibrary lib) {
        List<Path> docs = documents();
        if (docs.isEmpty()) throw new InputException(String.valueOf(files.get(0)), 0, "FILE", "没有可审核的文件（.pdf、.ofd、.txt） (no document to audit)");
        if (summary != null) summaryFormat(summary);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int threads = Math.max(1, Math.min(jobs == null ? Runtime.getRuntime().availableProcessors() : jobs, docs.size()));
        boolean progress = System.console() != null;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "audit-batch");
            t.setDaemon(true);
            return t;
        });
        List<Future<BatchReport.Entry>> pending = new ArrayList<>();
        for (Path p : docs) pending.add(pool.submit(() -> one(p, lib)));
        List<BatchReport.Entry> entries = new ArrayList<>();
        int worst = BudgetCli.OK;
        try {
            for (int i = 0; i < pending.size(); i++) {
                BatchReport.Entry e;
                try {
                    e = pending.get(i).get();
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    throw new InputException("audit", 0, "", "审核被中断 (interrupted)");
                } catch (ExecutionException x) {
                    e = BatchReport.Entry.failed(docs.get(i).toString(), "内部错误", 0);
                }
                entries.add(e);
                worst = Math.max(worst, e.status());
                if (progress) err.print("\r\033[K");
                out.println(e.line());
                out.flush();
                if (progress) {
                    err.print("已审核 " + (i + 1) + "/" + docs.size());
                    err.flush();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (progress) {
            err.print("\r\033[K");
            err.flush();
        }
        long read = entries.stream().filter(e -> e.status() < 2).count();
        long withErrors = entries.stream().filter(e -> e.status() == 1).count();
        out.println("共 " + entries.size() + " 个文件：审核 " + read + " 个，其中有错误的 " + withErrors + " 个；未审核 " + (entries.size() - read) + " 个");
        if (summary != null) {
            switch (summaryFormat(summary)) {
                case "csv" -> writeAtomically(summary, BatchReport.csv(entries).getBytes(StandardCharsets.UTF_8), "--summary");
                case "xlsx" -> writeAtomically(summary, BatchReport.xlsx(entries), "--summary");
                default -> writeAtomically(summary, BatchReport.html(entries).getBytes(StandardCharsets.UTF_8), "--summary");
            }
            out.println("汇总 (summary): " + summary);
        }
        return worst;
    }

    private static String summaryFormat(Path out) {
        String n = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".csv")) return "csv";
        if (n.endsWith(".xlsx")) return "xlsx";
        if (n.endsWith(".html") || n.endsWith(".htm")) return "html";
        throw new InputException(out.toString(), 0, "--summary", "汇总表应为 .html、.xlsx 或 .csv 文件 (the summary is .html, .xlsx or .csv)");
    }

    /** The files given, directories walked (in name order) for their .pdf, .ofd and .txt. */
    private List<Path> documents() {
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                try (Stream<Path> walk = Files.walk(f)) {
                    walk.filter(Files::isRegularFile).filter(AuditCommand::looksLikeDocument).sorted().forEach(out::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw new InputException(f.toString(), 0, "FILE", "无法列出目录 (cannot list the directory)");
                }
            } else {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean looksLikeDocument(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".pdf") || n.endsWith(".ofd") || n.endsWith(".txt");
    }

    private static BatchReport.Entry one(Path p, ReferenceLibrary lib) {
        long t0 = System.nanoTime();
        try {
            DocumentAudit.Result a = DocumentAudit.run(p, lib);
            return BatchReport.Entry.of(p.toString(), a, (System.nanoTime() - t0) / 1_000_000, Scores.of(a, lib));
        } catch (InputException e) {
            String why = e.problems().isEmpty() ? String.valueOf(e.getMessage()) : e.problems().get(0).message();
            return BatchReport.Entry.refused(p.toString(), why, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException | StackOverflowError e) {
            String id = FailureLog.log(p.toString(), "auditing a document of a batch", e);
            return BatchReport.Entry.failed(p.toString(), "内部错误（记录编号 " + id + "，详情见日志）", (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private int report(DocumentAudit.Result a, ReferenceLibrary lib) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(ReportJson.write(a));
        } else if (output.csv) {
            out.print(ReportCsv.write(a));
        } else {
            if (output.html != null) writeAtomically(output.html, ReportHtml.write(a, pageBytes(a), a.format() == DocumentAudit.Format.OFD ? org.openbudget.render.VendoredFont.regular() : null).getBytes(StandardCharsets.UTF_8), "--html");
            if (!a.notes().isEmpty()) {
                out.println("读取提示 (reader notes): " + a.notes().size());
                for (String n : a.notes()) out.println("  " + n);
            }
            long e = count(a, Severity.ERROR), w = count(a, Severity.WARNING), n = count(a, Severity.NOTICE);
            out.println(a.disclosure().unitName() + "：错误 " + e + "，警告 " + w + "，提示 " + n);
            printScores(out, Scores.of(a, lib));
            for (Finding f : a.findings()) {
                Evidence ev = Evidence.of(a, f);
                String where = ev.page() > 0 ? "（第" + ev.page() + "页）" : ev.line() > 0 ? "（第" + ev.line() + "行）" : "";
                out.println("  [" + f.severity().label() + "] " + f.id() + "  " + f.location() + where + "  " + f.message());
            }
            if (output.html != null) out.println("HTML 报告 (report): " + output.html);
        }
        return a.hasErrors() ? BudgetCli.FINDINGS : BudgetCli.OK;
    }

    /** The scores on the inspection's dimensions, each with its weight and the reasons it lost points. */
    private static void printScores(PrintWriter out, Scorecard s) {
        out.println("公开评分 (scores): " + (s.overall() == null ? "未评" : s.overall().toPlainString()));
        for (Scorecard.DimensionScore d : s.dimensions()) {
            out.println("  " + d.name() + "（权重 " + d.weight() + "）：" + (d.assessed() ? d.score().toPlainString() : "未评")
                    + (d.reasons().isEmpty() ? "" : "  " + String.join("；", d.reasons())));
        }
    }

    /** The PDF's bytes, to draw its pages in the HTML report (null for a text, or files audited as one). */
    /** The file of a PDF or an OFD read alone, whose pages the HTML report draws. */
    private byte[] pageBytes(DocumentAudit.Result a) {
        if (a.format() == DocumentAudit.Format.TEXT || asOne || files.size() != 1) return null;
        try {
            return Files.readAllBytes(files.get(0));
        } catch (IOException e) {
            return null;
        }
    }

    private static long count(DocumentAudit.Result a, Severity s) {
        return a.findings().stream().filter(f -> f.severity() == s).count();
    }

    /** Written to a temp file beside OUT, then moved: nothing half-written is left. */
    private static void writeAtomically(Path out, byte[] content, String option) {
        Path dir = out.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(dir, ".audit-", ".tmp");
            try {
                Files.write(tmp, content);
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new InputException(out.toString(), 0, option, "无法写入报告 (cannot write the report): " + e.getMessage());
        }
    }
}
