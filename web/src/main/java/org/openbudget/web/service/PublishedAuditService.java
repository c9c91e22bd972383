package org.openbudget.web.service;

import java.util.List;

import org.openbudget.audit.DocumentAudit;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.springframework.stereotype.Service;

/**
 * The audit page: a published document — its PDF or its text — read back into a Disclosure by
 * audit/'s {@link DocumentAudit} and checked with the catalogue (at the administrator's severities).
 */
@Service
public class PublishedAuditService {
    private final BudgetService budgets;

    public PublishedAuditService(BudgetService budgets) { this.budgets = budgets; }

    public Report audit(String fileName, byte[] content) {
        String name = baseName(fileName);
        if (content.length == 0) throw new InvalidDatasetException(List.of(new InputProblem(name, 0, "file", "文件为空 (empty file)")));
        try {
            DocumentAudit.Result r = DocumentAudit.run(name, content, budgets.library());
            List<Finding> findings = budgets.applySeverities(r.findings());
            // where each finding is: the line read and, for a PDF, its page (audit/'s Evidence, as the CLI's report says it)
            List<Located> located = findings.stream().map(f -> {
                org.openbudget.audit.report.Evidence e = org.openbudget.audit.report.Evidence.of(r, f);
                return new Located(f, e.page(), e.line(), e.text());
            }).toList();
            return new Report(r.disclosure(), r.notes(), findings, r.format().label(), located);
        } catch (InputException e) {
            throw new InvalidDatasetException(e.problems().stream()
                    .map(p -> new InputProblem(name, p.line(), p.field(), p.message())).toList());
        }
    }

    /** The name an upload is reported under: its last path segment, without control characters (never a path of ours). */
    static String baseName(String fileName) {
        if (fileName == null) return "上传文件";
        String n = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").trim();
        if (n.length() > 200) n = n.substring(0, 200);
        return n.isEmpty() ? "上传文件" : n;
    }

    public record Report(Disclosure disclosure, List<String> notes, List<Finding> findings, String format, List<Located> located) {
        public long count(Severity s) { return findings.stream().filter(f -> f.severity() == s).count(); }
    }

    /** A finding where it is in the document: the PDF page (0: a text, or not found), the line read (0: not found), the row or sentence. */
    public record Located(Finding finding, int page, int line, String evidence) {
        /** 第 p 页，第 n 行 (a PDF: its page and the line of its text as read), 第 n 行 (a text), or nothing. */
        public String where() {
            String l = line > 0 ? "第 " + line + " 行" : "";
            return page > 0 ? "第 " + page + " 页" + (l.isEmpty() ? "" : "，" + l) : l;
        }
    }
}
