package org.openbudget.web.service;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.openbudget.io.json.DisclosureJson;
import org.openbudget.web.db.repositories.Publication;
import org.openbudget.web.db.repositories.PublicationRepository;
import org.openbudget.web.security.BudgetUser;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Comparisons a finance officer asks for: a working document against its published version (what a correction changes)
 * or against last year's published document (the year over year), and two published versions of one document (what a
 * correction changed). Working documents are compared for their readers only; published versions for anyone.
 */
@Service
public class DiffService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkflowService workflow;
    private final PublicationRepository publications;

    public DiffService(WorkflowService workflow, PublicationRepository publications) {
        this.workflow = workflow;
        this.publications = publications;
    }

    /** A comparison for a page: what is compared with what, the changes (at most {@link VersionDiff#LIMIT}), or why there are none to show. */
    public record Comparison(String title, String before, String after, List<VersionDiff.Change> changes, String note, String back) {
        public boolean truncated() { return changes.size() >= VersionDiff.LIMIT; }
    }

    /** The working document against its current published version ({@code against} "published") or last year's ("last-year"). */
    public Comparison working(BudgetUser u, String code, int year, String against) {
        WorkflowService.DocumentView v = workflow.view(u, code, year);
        boolean lastYear = "last-year".equals(against);
        String back = "/work/" + code + "/" + year;
        String title = v.agency().name() + " " + year + " 年" + (lastYear ? "：与上年比较" : "：与已发布版本比较");
        int y = lastYear ? year - 1 : year;
        Optional<Publication> p = publications.current(code, y);
        if (p.isEmpty()) return new Comparison(title, "", "", List.of(), (lastYear ? y + " 年" : "本年") + "尚无已发布的版本，无可比较。", back);
        if (v.evaluation() == null || !v.evaluation().readable()) return new Comparison(title, "", "", List.of(), "该预算尚无可比较的数据。", back);
        JsonNode now = DisclosureJson.tree(v.evaluation().disclosure());
        String before = y + " 年已发布的第 " + p.get().versionNo() + " 版";
        return new Comparison(title, before, "当前" + (v.document() == null ? "" : "（" + v.document().status().label() + "）"),
                VersionDiff.of(tables(p.get()), now), null, back);
    }

    /** A published version against another version of the same document (by default the one it superseded). */
    public Comparison versions(long id, Long from) {
        Publication after = publications.find(id).orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的公开文档"));
        String title = after.agencyName() + " " + after.year() + " 年：版本比较";
        String back = "/p/" + id;
        Publication before;
        if (from != null) {
            before = publications.find(from).filter(p -> p.agencyCode().equals(after.agencyCode()) && p.year() == after.year()
                    && java.util.Objects.equals(p.basis(), after.basis()))
                    .orElseThrow(() -> new NotFoundException("没有该文档编号为 " + from + " 的版本"));
        } else {
            Optional<Publication> previous = publications.versions(after.agencyCode(), after.year(), after.basis()).stream()
                    .filter(p -> p.versionNo() == after.versionNo() - 1).findFirst();
            if (previous.isEmpty()) return new Comparison(title, "", "第 " + after.versionNo() + " 版", List.of(), "这是第一版，没有更早的版本可比较。", back);
            before = previous.get();
        }
        return new Comparison(title, "第 " + before.versionNo() + " 版", "第 " + after.versionNo() + " 版", VersionDiff.of(tables(before), tables(after)),
                null, back);
    }

    private JsonNode tables(Publication p) {
        byte[] json = publications.file(p.id(), "json").orElseThrow(() -> new NotFoundException("该版本没有数据文件")).content();
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new RuleViolation("该版本的数据文件无法读取。");
        }
    }
}
