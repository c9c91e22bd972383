package org.openbudget.web.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openbudget.audit.text.PublishedTextReader;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.springframework.stereotype.Service;

/** The audit page: a published document (its text) read back into a Disclosure and checked. */
@Service
public class PublishedAuditService {
    private final BudgetService budgets;

    public PublishedAuditService(BudgetService budgets) { this.budgets = budgets; }

    public Report audit(String fileName, byte[] content) {
        String name = fileName == null || fileName.isBlank() ? "上传文件" : fileName;
        if (content.length == 0) throw new InvalidDatasetException(List.of(new InputProblem(name, 0, "file", "文件为空 (empty file)")));
        if (content.length > 4 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F') {
            throw new InvalidDatasetException(List.of(new InputProblem(name, 0, "file",
                    "暂不支持直接读取 PDF，请上传其文本（pdftotext 导出的 UTF-8 文本）(PDF reading is not available yet: upload the document's text)")));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidDatasetException(List.of(new InputProblem(name, 0, "file", "不是 UTF-8 文本 (not UTF-8 text)")));
        }
        PublishedTextReader.Result r;
        try {
            r = PublishedTextReader.readWithNotes(name, text, budgets.library());
        } catch (InputException e) {
            throw new InvalidDatasetException(e.problems());
        }
        Disclosure d = r.disclosure();
        return new Report(d, r.notes(), budgets.check(d));
    }

    public record Report(Disclosure disclosure, List<String> notes, List<Finding> findings) {
        public long count(Severity s) { return findings.stream().filter(f -> f.severity() == s).count(); }
    }
}
