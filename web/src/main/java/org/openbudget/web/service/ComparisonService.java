package org.openbudget.web.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.openbudget.core.compare.Compare;
import org.openbudget.core.compare.Comparison;
import org.openbudget.core.ledger.Budget;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.web.db.repositories.Document;
import org.openbudget.web.db.repositories.Publication;
import org.openbudget.web.security.BudgetUser;
import org.springframework.stereotype.Service;

/**
 * A year's 预算 against its 决算 (issue 12, docs/compare.md): the comparison {@code ./budget compare} makes (core/compare), of
 * an agency's two working documents (its year page, for whoever may read them) or of its two current published versions
 * (the public portal). Every measure both print side by side, 完成率, and the differences left without a reason flagged.
 */
@Service
public class ComparisonService {
    private final WorkflowService workflow;
    private final LastYearPublished published;
    private final ReferenceLibrary library;

    public ComparisonService(WorkflowService workflow, LastYearPublished published, ReferenceLibrary library) {
        this.workflow = workflow;
        this.published = published;
        this.library = library;
    }

    /**
     * What a comparison page shows: the two sides (their state or version), the comparison when both read (null, with
     * {@code missing} saying why, otherwise), and the bars of the chart.
     */
    public record View(String agencyCode, String agencyName, int year, String budgetState, String finalState, Comparison comparison,
                       String missing, List<Bar> chart, long unexplained, Publication budgetVersion, Publication finalVersion) {
        public boolean ready() { return comparison != null; }
    }

    /** One pair of bars: a line's 预算数 and 决算数 (万元, two decimals), their widths in % of the largest, and the 完成率. */
    public record Bar(String label, String budget, String actual, double budgetWidth, double actualWidth, String rate, boolean unexplained) {}

    /** The agency's working 预算 and 决算 of a year, each as its reader may see it. */
    public View working(BudgetUser u, String code, int year) {
        WorkflowService.DocumentView b = workflow.view(u, code, year, Document.BUDGET);
        WorkflowService.DocumentView f = workflow.view(u, code, year, Document.FINAL);
        String bs = state(b);
        String fs = state(f);
        Evaluation be = b.evaluation();
        Evaluation fe = f.evaluation();
        if (be == null || fe == null || !be.readable() || !fe.readable()) {
            String why = be == null ? "尚未填报本年度预算" : fe == null ? "尚未填报本年度决算"
                    : !be.readable() ? "预算数据有错误，无法比较" : "决算数据有错误，无法比较";
            return new View(code, b.agency().name(), year, bs, fs, null, why, List.of(), 0, null, null);
        }
        Comparison c = compare(be.budget(), fe.budget());
        return view(code, b.agency().name(), year, bs, fs, c, null, null);
    }

    /** The current published 预算 and 决算 of an agency's year (public). */
    public View published(String code, int year) {
        Optional<LastYearPublished.Version> b = published.of(code, year, Document.BUDGET);
        Optional<LastYearPublished.Version> f = published.of(code, year, Document.FINAL);
        if (b.isEmpty() && f.isEmpty()) throw new NotFoundException("没有该单位 " + year + " 年已发布的预算或决算");
        String name = b.or(() -> f).map(v -> v.publication().agencyName()).orElse(code);
        String bs = b.map(v -> "已发布第 " + v.publication().versionNo() + " 版").orElse("未发布");
        String fs = f.map(v -> "已发布第 " + v.publication().versionNo() + " 版").orElse("未发布");
        if (b.isEmpty() || f.isEmpty()) {
            return new View(code, name, year, bs, fs, null, b.isEmpty() ? "本年度预算尚未发布" : "本年度决算尚未发布", List.of(), 0,
                    b.map(LastYearPublished.Version::publication).orElse(null), f.map(LastYearPublished.Version::publication).orElse(null));
        }
        Comparison c = compare(b.get().budget(), f.get().budget());
        return view(code, name, year, bs, fs, c, b.get().publication(), f.get().publication());
    }

    private static String state(WorkflowService.DocumentView v) {
        return v.document() == null ? "未填报" : v.document().status().label();
    }

    private Comparison compare(Budget budget, Budget fin) {
        Workspace ws = new Workspace(library);
        Workspace.Loaded b = ws.loaded(budget);
        Workspace.Loaded f = ws.loaded(fin);
        return Compare.compare(b.disclosure(), b.profile(), f.disclosure(), f.profile(), library.year(fin.year()).sources(), library.compareRules());
    }

    private static View view(String code, String name, int year, String bs, String fs, Comparison c, Publication bp, Publication fp) {
        long unexplained = c.findings().stream().filter(x -> x.id().equals("CMP.reason")).count();
        return new View(code, name, year, bs, fs, c, null, chart(c), unexplained, bp, fp);
    }

    /** The chart: the 总体 lines and each 功能分类 line, 预算数 against 决算数 (at most 16 pairs, the largest first after 总体). */
    static List<Bar> chart(Comparison c) {
        List<Comparison.Line> lines = new ArrayList<>();
        List<Comparison.Line> functional = new ArrayList<>();
        for (Comparison.Line l : c.lines()) {
            if (l.dimension().equals("总体")) lines.add(l);
            else if (l.dimension().equals("功能分类")) functional.add(l);
        }
        functional.sort((a, b) -> b.budget().max(b.actual()).compareTo(a.budget().max(a.actual())));
        for (Comparison.Line l : functional) if (lines.size() < 16) lines.add(l);
        BigDecimal max = BigDecimal.ZERO;
        for (Comparison.Line l : lines) max = max.max(l.budget().abs()).max(l.actual().abs());
        List<Bar> out = new ArrayList<>();
        java.util.Set<String> flagged = new java.util.HashSet<>();
        for (var f : c.findings()) if (f.id().equals("CMP.reason")) flagged.add(f.message().split("：", 2)[0]);
        for (Comparison.Line l : lines) {
            BigDecimal rate = l.rate();
            out.add(new Bar(l.label(), wan(l.budget()), wan(l.actual()), pct(l.budget(), max), pct(l.actual(), max),
                    rate == null ? "—" : rate.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%", flagged.contains(l.label())));
        }
        return out;
    }

    private static String wan(BigDecimal v) {
        return String.format("%,.2f", v.setScale(2, RoundingMode.HALF_UP));
    }

    private static double pct(BigDecimal v, BigDecimal max) {
        if (max.signum() == 0) return 0;
        return v.abs().multiply(BigDecimal.valueOf(100)).divide(max, 2, RoundingMode.HALF_UP).doubleValue();
    }
}
