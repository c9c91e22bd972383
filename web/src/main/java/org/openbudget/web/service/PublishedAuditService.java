package org.openbudget.web.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        String name = fileName == null || fileName.isBlank() ? "上传文件" : Path.of(fileName).getFileName().toString();
        if (content.length == 0) throw new InvalidDatasetException(List.of(new InputProblem(name, 0, "file", "文件为空 (empty file)")));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("budget-audit-");
            Path file = dir.resolve(name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_"));
            Files.write(file, content);
            DocumentAudit.Result r = DocumentAudit.run(file, budgets.library());
            return new Report(r.disclosure(), r.notes(), budgets.applySeverities(r.findings()), r.format() == DocumentAudit.Format.PDF ? "PDF" : "文本");
        } catch (InputException e) {
            throw new InvalidDatasetException(e.problems().stream()
                    .map(p -> new InputProblem(name, p.line(), p.field(), p.message())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) Files.deleteIfExists(p);
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // a temp directory left behind is harmless
                }
            }
        }
    }

    public record Report(Disclosure disclosure, List<String> notes, List<Finding> findings, String format) {
        public long count(Severity s) { return findings.stream().filter(f -> f.severity() == s).count(); }
    }
}
