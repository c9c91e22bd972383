package org.openbudget.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntUnaryOperator;

import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.report.CompareReport;
import org.openbudget.core.check.Severity;
import org.openbudget.core.compare.Compare;
import org.openbudget.core.compare.CompareRules;
import org.openbudget.core.compare.Comparison;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.InputException;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./budget compare BUDGET FINAL [--format text|csv|json|html|xlsx] [--out F] [--force]}: a unit's 预算 set
 * against its 决算 of the same year — every measure both print, side by side, with 完成率; the 决算's own 年初预算数
 * against the 预算's figure; differences over the threshold without a reason. Each document is a published file (PDF
 * or text, read as {@code audit} reads it) or one of our datasets (derived as {@code tables} derives it).
 */
@Command(name = "compare", description = "预算与决算对比：同一单位同一年度的预算和决算逐项并列（预算数、决算数、差额、完成率），"
        + "核对决算所列年初预算数与预算文档是否一致、差异较大而未说明原因的项目；退出码 0 无错误、1 有错误、2 输入有误 "
        + "(a unit's budget against its final accounts of the same year; exit 0 no error, 1 errors, 2 bad input)")
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUDGET", description = "预算：公开文档（PDF 或文本），或数据集（目录、.yaml、.xlsx 工作簿） (the budget: a published PDF/text, or a dataset)")
    Path budget;

    @Parameters(index = "1", paramLabel = "FINAL", description = "决算：同一单位同一年度的公开决算（PDF 或文本），或决算数据集 (the final accounts of the same unit and year)")
    Path fin;

    @Option(names = "--format", paramLabel = "FORMAT", description = "输出格式：text（默认）、csv、json、html、xlsx (output format)")
    String format = "text";

    @Option(names = "--out", paramLabel = "F", description = "写到文件 F（xlsx 必须给出）；默认输出到终端 (write to F; required for xlsx)")
    Path out;

    @Option(names = "--force", description = "两份文档不是同一单位同一年度的预算和决算时也比较 (compare even when they are not a budget and final accounts of the same unit and year)")
    boolean force;

    @Option(names = "--threshold", paramLabel = "PERCENT", description = "差异超过预算数的此百分比须说明原因（默认取 refdata/comparison.yaml，为 10） (difference needing a reason, per cent)")
    BigDecimal threshold;

    @CommandLine.Mixin RefdataOption refdata = new RefdataOption();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    static final List<String> FORMATS = List.of("text", "csv", "json", "html", "xlsx");

    /** A document to compare: what it says, the template it is read (or derived) under, the page of each text line. */
    private record Doc(Disclosure disclosure, TemplateProfile profile, IntUnaryOperator pageOfLine) {}

    @Override
    public Integer call() {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(fmt)) {
            throw new InputException("--format", 0, "format", "未知的输出格式 " + format + "，应为 text、csv、json、html 或 xlsx (expected text, csv, json, html or xlsx)");
        }
        if (fmt.equals("xlsx") && out == null) {
            throw new InputException("--format xlsx", 0, "--out", "Excel 输出需要 --out 文件名，如 --out 对比.xlsx (xlsx needs --out FILE)");
        }
        if (threshold != null && (threshold.signum() < 0 || threshold.compareTo(BigDecimal.valueOf(1000)) > 0)) {
            throw new InputException("--threshold", 0, "threshold", "阈值应在 0 到 1000 之间（百分比），实际为 " + threshold.toPlainString() + " (a percentage from 0 to 1000)");
        }
        for (Path p : List.of(budget, fin)) {
            if (!Files.exists(p)) throw new InputException(p.toString(), 0, "", "文件不存在 (no such file or directory)");
        }
        ReferenceLibrary lib = refdata.library();
        Doc b = load(budget, lib);
        Doc f = load(fin, lib);
        List<String> why = Compare.mismatch(b.disclosure(), b.profile(), f.disclosure(), f.profile());
        PrintWriter err = spec.commandLine().getErr();
        if (!why.isEmpty() && !force) {
            err.println("不能比较：这两份文档不是同一单位同一年度的预算和决算 (not a budget and final accounts of the same unit and year):");
            err.println("  预算：" + budget + " —— " + describe(b));
            err.println("  决算：" + fin + " —— " + describe(f));
            for (String w : why) err.println("  - " + w);
            err.println("确需比较请加 --force (add --force to compare anyway)");
            err.flush();
            return BudgetCli.BAD_INPUT;
        }
        if (!why.isEmpty()) {
            for (String w : why) err.println("注意（--force）：" + w);
            err.flush();
        }
        CompareRules rules = lib.compareRules();
        if (threshold != null) rules = rules.withThreshold(threshold);
        Comparison c = Compare.compare(b.disclosure(), b.profile(), f.disclosure(), f.profile(),
                lib.year(f.disclosure().year()).sources(), rules, f.pageOfLine());
        write(c, fmt);
        return c.findings().stream().anyMatch(x -> x.severity() == Severity.ERROR) ? BudgetCli.FINDINGS : BudgetCli.OK;
    }

    private static String describe(Doc d) {
        Disclosure x = d.disclosure();
        return x.unitName() + "，" + x.year() + (d.profile().meta().basis().equals("决算") ? " 年度决算" : " 年预算") + "（模板 " + d.profile().id() + "）";
    }

    /** A published file (PDF, text) as the audit reads it; a dataset (directory, .yaml, .xlsx) as it is derived. */
    private static Doc load(Path p, ReferenceLibrary lib) {
        String name = p.getFileName() == null ? p.toString() : p.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean dataset = Files.isDirectory(p) || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".xlsx");
        if (dataset) {
            Workspace.Loaded l = new Workspace(lib).load(p);
            Disclosure d = l.disclosure();
            Disclosure named = new Disclosure(d.unitName(), d.kind(), d.year(), d.profileId(), d.tables(), d.text(), p.toString());
            return new Doc(named, l.profile(), line -> 0);
        }
        DocumentAudit.Result a = DocumentAudit.run(p, lib);
        Disclosure d = a.disclosure();
        return new Doc(new Disclosure(d.unitName(), d.kind(), d.year(), d.profileId(), d.tables(), d.text(), a.file()),
                lib.profile(d.profileId()), a::page);
    }

    private void write(Comparison c, String fmt) {
        if (fmt.equals("xlsx")) {
            writeFile(CompareReport.xlsx(c));
            return;
        }
        String text = switch (fmt) {
            case "csv" -> CompareReport.csv(c);
            case "json" -> CompareReport.json(c);
            case "html" -> CompareReport.html(c);
            default -> CompareReport.text(c);
        };
        if (out == null) {
            PrintWriter o = spec.commandLine().getOut();
            o.print(text);
            o.flush();
        } else {
            writeFile(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Written to a temporary file beside the target and moved into place: never half-written. */
    private void writeFile(byte[] bytes) {
        Path target = out.toAbsolutePath();
        try {
            Path dir = target.getParent();
            if (dir != null) Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".compare-", ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new InputException(out.toString(), 0, "--out", "无法写入：" + e.getMessage() + " (cannot write the output)");
        }
        spec.commandLine().getOut().println("已写入 " + out + " (written)");
    }
}
