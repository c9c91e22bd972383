package org.openbudget.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.report.Evidence;
import org.openbudget.audit.report.ReportCsv;
import org.openbudget.audit.report.ReportHtml;
import org.openbudget.audit.report.ReportJson;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.io.InputException;
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
 */
@Command(name = "audit", description = "审核已公开的文档（文本或 PDF）：读回十一张表并按审核公式审核，退出码 0 无错误、1 有错误、2 无法读取 "
        + "(read a published document — text or PDF — back into its tables and run the check catalogue; exit 0 no error, 1 errors, 2 unreadable)")
final class AuditCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "公开文档：PDF，或其文本（UTF-8 / GB18030）(the document: a PDF or its text)")
    Path file;

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
        DocumentAudit.Result a = DocumentAudit.run(file, lib);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(ReportJson.write(a));
        } else if (output.csv) {
            out.print(ReportCsv.write(a));
        } else {
            if (output.html != null) writeAtomically(output.html, ReportHtml.write(a));
            if (!a.notes().isEmpty()) {
                out.println("读取提示 (reader notes): " + a.notes().size());
                for (String n : a.notes()) out.println("  " + n);
            }
            long e = count(a, Severity.ERROR), w = count(a, Severity.WARNING), n = count(a, Severity.NOTICE);
            out.println(a.disclosure().unitName() + "：错误 " + e + "，警告 " + w + "，提示 " + n);
            for (Finding f : a.findings()) {
                Evidence ev = Evidence.of(a, f);
                String where = ev.page() > 0 ? "（第" + ev.page() + "页）" : ev.line() > 0 ? "（第" + ev.line() + "行）" : "";
                out.println("  [" + f.severity().label() + "] " + f.id() + "  " + f.location() + where + "  " + f.message());
            }
            if (output.html != null) out.println("HTML 报告 (report): " + output.html);
        }
        return a.hasErrors() ? BudgetCli.FINDINGS : BudgetCli.OK;
    }

    private static long count(DocumentAudit.Result a, Severity s) {
        return a.findings().stream().filter(f -> f.severity() == s).count();
    }

    /** Written to a temp file beside OUT, then moved: nothing half-written is left. */
    private static void writeAtomically(Path out, String content) {
        Path dir = out.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(dir, ".audit-", ".html.tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new InputException(out.toString(), 0, "--html", "无法写入报告 (cannot write the report): " + e.getMessage());
        }
    }
}
