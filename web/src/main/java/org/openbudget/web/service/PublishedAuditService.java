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
            return new Report(r.disclosure(), r.notes(), budgets.applySeverities(r.findings()), r.format() == DocumentAudit.Format.PDF ? "PDF" : "文本");
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

    public record Report(Disclosure disclosure, List<String> notes, List<Finding> findings, String format) {
        public long count(Severity s) { return findings.stream().filter(f -> f.severity() == s).count(); }
    }
}
