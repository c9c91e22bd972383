package org.openbudget.web.batch;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openbudget.core.check.Finding;
import org.openbudget.core.score.Rubric;
import org.openbudget.core.score.Scorecard;
import org.openbudget.core.score.Scoring;
import org.openbudget.io.InputProblem;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.AuditLogRepository;
import org.openbudget.web.db.repositories.BatchRepository.Doc;
import org.openbudget.web.security.BudgetUser;
import org.openbudget.web.security.Role;
import org.openbudget.web.service.BudgetService;
import org.openbudget.web.service.InvalidDatasetException;
import org.openbudget.web.service.NotFoundException;
import org.openbudget.web.service.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * A region's scoring: the rubric (refdata/scoring.yaml) at the weights and points its administrator set (V11
 * {@code region_scoring}), the approval dates (批复日期) 及时性 counts from, and the comparisons of an agency's 预算 and 决算
 * 一致性 is scored by. Stored scorecards are scored again with these whenever they are shown ({@link Scoring#rescore}), so a
 * change of weights, points or dates is in every score at once, without reading a document again.
 */
@Service
public class RegionScoring {
    private final JdbcClient db;
    private final BudgetService budgets;
    private final AgencyRepository agencies;
    private final AuditLogRepository auditLog;

    public RegionScoring(JdbcClient db, BudgetService budgets, AgencyRepository agencies, AuditLogRepository auditLog) {
        this.db = db;
        this.budgets = budgets;
        this.agencies = agencies;
        this.auditLog = auditLog;
    }

    /** The region's rubric: the library's at the region's weights and points. */
    public Rubric rubric(String region) {
        Map<String, Integer> set = settings(region);
        Map<String, Integer> weights = new HashMap<>(), points = new HashMap<>();
        for (Map.Entry<String, Integer> e : set.entrySet()) (e.getKey().contains("/") ? points : weights).put(e.getKey(), e.getValue());
        return budgets.library().rubric().adjusted(weights, points);
    }

    private Map<String, Integer> settings(String region) {
        Map<String, Integer> out = new LinkedHashMap<>();
        db.sql("select item_key, value from region_scoring where region_code = ?").param(region)
                .query((rs, i) -> out.put(rs.getString(1), rs.getInt(2))).list();
        return out;
    }

    // ---- the administrator's page

    /** A weight or an item's points as the page shows it: the rubric's value and the region's. */
    public record Setting(String key, String dimension, String item, String kind, int base, int value) {
        public boolean isDimension() { return item.isEmpty(); }
        public boolean changed() { return base != value; }
        public String label() { return isDimension() ? dimension + " 的权重" : dimension + "「" + item + "」的分值"; }
    }

    public record Approval(int year, String basis, LocalDate approvedOn, String setBy) {}

    public record View(String region, String regionName, List<Setting> settings, List<Approval> approvals, Map<String, String> regions) {}

    public View view(BudgetUser me, String region) {
        requireAdmin(me);
        Map<String, String> regions = agencies.regions();
        if (!regions.containsKey(region)) throw new NotFoundException("没有代码为 " + region + " 的地区");
        Rubric base = budgets.library().rubric(), mine = rubric(region);
        List<Setting> out = new ArrayList<>();
        for (int d = 0; d < base.dimensions().size(); d++) {
            Rubric.Dimension b = base.dimensions().get(d), m = mine.dimensions().get(d);
            out.add(new Setting(b.key(), b.name(), "", "", b.weight(), m.weight()));
            for (int i = 0; i < b.items().size(); i++) {
                Rubric.Item bi = b.items().get(i);
                out.add(new Setting(Rubric.itemKey(b, bi), b.name(), bi.name(), bi.kind().name().toLowerCase(java.util.Locale.ROOT), bi.points(),
                        m.items().get(i).points()));
            }
        }
        List<Approval> approvals = db.sql("select budget_year, basis, approved_on, set_by from region_approval where region_code = ? order by budget_year desc, basis desc")
                .param(region).query((rs, i) -> new Approval(rs.getInt(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4))).list();
        return new View(region, regions.get(region), out, approvals, regions);
    }

    /**
     * The administrator's weights and points for a region, as typed ({@code key → text}; a key left out keeps its value):
     * each a whole number 0–100, at least one dimension weighed; every problem named by its dimension and item, nothing saved
     * unless all are right. A value equal to the rubric's is not stored (a later change of scoring.yaml reaches it).
     */
    @Transactional
    public void save(BudgetUser me, String region, Map<String, String> typed) {
        View v = view(me, region);
        Map<String, Setting> byKey = new LinkedHashMap<>();
        for (Setting s : v.settings()) byKey.put(s.key(), s);
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Integer> values = new LinkedHashMap<>();
        for (Setting s : v.settings()) values.put(s.key(), s.value());
        for (Map.Entry<String, String> e : typed.entrySet()) {
            Setting s = byKey.get(e.getKey());
            if (s == null) {
                problems.add(new InputProblem("评分权重", 0, e.getKey(), "评分细则中没有「" + e.getKey() + "」这一项（no such dimension or item in the rubric）"));
                continue;
            }
            String t = e.getValue() == null ? "" : e.getValue().strip();
            try {
                int n = Integer.parseInt(t);
                if (n < 0 || n > 100) throw new NumberFormatException();
                values.put(s.key(), n);
            } catch (NumberFormatException ex) {
                problems.add(new InputProblem("评分权重", 0, s.label(), "应为 0 至 100 的整数，实际为「" + (t.length() > 20 ? t.substring(0, 20) + "…" : t) + "」"));
            }
        }
        if (problems.isEmpty() && v.settings().stream().filter(Setting::isDimension).mapToInt(s -> values.get(s.key())).sum() == 0)
            problems.add(new InputProblem("评分权重", 0, "权重", "至少一个维度的权重应大于 0（the overall score is a weighted mean）"));
        if (!problems.isEmpty()) throw new InvalidDatasetException("评分权重有 " + problems.size() + " 处错误，未保存", problems);
        db.sql("delete from region_scoring where region_code = ?").param(region).update();
        List<String> changed = new ArrayList<>();
        for (Setting s : v.settings()) {
            int n = values.get(s.key());
            if (n == s.base()) continue;
            db.sql("insert into region_scoring(region_code, item_key, value, set_by) values (?,?,?,?)").params(region, s.key(), n, me.username()).update();
            changed.add(s.label() + " " + n);
        }
        auditLog.record(me.username(), "评分权重", null, null, v.regionName() + "：" + (changed.isEmpty() ? "恢复为评分细则" : String.join("，", changed)));
    }

    /** The approval date of a region's 预算 or 决算 of a year (blank: none); refused with what is expected. */
    public void setApproval(BudgetUser me, String region, String year, String basis, String date) {
        View v = view(me, region);
        int y;
        try {
            y = Integer.parseInt(year == null ? "" : year.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation("年度应为四位数的年份，实际为「" + year + "」");
        }
        if (y < 2000 || y > 2100) throw new RuleViolation("年度应为 2000 至 2100 之间的年份，实际为 " + y);
        if (!"预算".equals(basis) && !"决算".equals(basis)) throw new RuleViolation("应选择预算或决算");
        if (date == null || date.isBlank()) {
            db.sql("delete from region_approval where region_code = ? and budget_year = ? and basis = ?").params(region, y, basis).update();
            auditLog.record(me.username(), "批复日期", null, y, v.regionName() + " " + basis + "：清除");
            return;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("批复日期应为 年-月-日（如 " + y + "-02-01），实际为「" + date.strip() + "」");
        }
        // a 预算 of year Y is approved around the start of Y; a 决算 of Y in Y+1
        int from = "预算".equals(basis) ? y - 1 : y, to = "预算".equals(basis) ? y : y + 1;
        if (d.getYear() < from || d.getYear() > to)
            throw new RuleViolation(y + " 年" + basis + "的批复日期应在 " + from + (from == to ? "" : " 至 " + to) + " 年内，实际为 " + d);
        db.sql("insert into region_approval(region_code, budget_year, basis, approved_on, set_by) values (?,?,?,?,?)"
                        + " on conflict (region_code, budget_year, basis) do update set approved_on = excluded.approved_on, set_by = excluded.set_by, set_at = now()")
                .params(region, y, basis, d, me.username()).update();
        auditLog.record(me.username(), "批复日期", null, y, v.regionName() + " " + basis + "：" + d);
    }

    private static void requireAdmin(BudgetUser me) {
        if (me == null || me.role() != Role.ADMIN) throw new AccessDeniedException("评分权重只供系统管理员设置");
    }

    // ---- scoring what is shown

    /** Scores a region's documents of a year again with what is known now (made once for a page: weights, dates, comparisons). */
    public Scorer scorer(String region, int year) {
        Map<String, LocalDate> approved = new HashMap<>();
        db.sql("select basis, approved_on from region_approval where region_code = ? and budget_year = ?").params(region, year)
                .query((rs, i) -> approved.put(rs.getString(1), rs.getObject(2, LocalDate.class))).list();
        Map<Long, List<Compared>> compared = new HashMap<>();
        db.sql("""
                select coalesce(c.budget_doc, 0), c.final_doc, c.status, c.findings::text, c.message, c.budget_publication from batch_comparison c
                  join batch_document d on d.id = c.final_doc join batch_job j on j.id = d.job_id
                 where j.region_code = ? and coalesce(d.doc_year, j.budget_year) = ?""").params(region, year)
                .query((rs, i) -> new Compared(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        (Long) rs.getObject(6))).list()
                .forEach(c -> {
                    if (c.publication() == null) compared.computeIfAbsent(c.budgetDoc(), k -> new ArrayList<>()).add(c);
                    compared.computeIfAbsent(c.finalDoc(), k -> new ArrayList<>()).add(c);
                });
        return new Scorer(rubric(region), year, approved, compared);
    }

    /** @param publication the 预算 published on this portal the 决算 was compared with (null: a batch's 预算, budgetDoc) */
    record Compared(long budgetDoc, long finalDoc, String status, String findings, String message, Long publication) {}

    /** Scores one document again: its stored scorecard, its publication date, the approval date, its counterpart's comparison. */
    public static final class Scorer {
        private final Rubric rubric;
        private final int year;
        private final Map<String, LocalDate> approved;
        private final Map<Long, List<Compared>> compared;

        Scorer(Rubric rubric, int year, Map<String, LocalDate> approved, Map<Long, List<Compared>> compared) {
            this.rubric = rubric;
            this.year = year;
            this.approved = approved;
            this.compared = compared;
        }

        public Rubric rubric() { return rubric; }

        /** @param counterpart the agency's document of the other basis of the year (null: none audited) */
        public Scorecard score(Doc d, Doc counterpart, Scorecard stored) {
            if (stored == null) return null;
            return Scoring.rescore(stored, rubric, context(d, counterpart));
        }

        Scoring.Context context(Doc d, Doc counterpart) {
            String basis = d.basis() == null ? "预算" : d.basis();
            String other = "预算".equals(basis) ? "决算" : "预算";
            List<Finding> findings = null;
            String with = "", why;
            // a 决算 without its 预算 in the batches: the 预算 published on this portal, if it was compared with it
            Compared published = counterpart != null || !"决算".equals(basis) ? null : compared.getOrDefault(d.id(), List.of()).stream()
                    .filter(x -> x.publication() != null).reduce((a, b) -> b).orElse(null);
            if (d.agencyCode() == null) why = "未对应到单位，无法与" + other + "比对";
            else if (counterpart == null && published == null) why = "没有本单位 " + year + " 年的" + other;
            else {
                Compared c = published != null ? published : compared.getOrDefault(d.id(), List.of()).stream()
                        .filter(x -> x.budgetDoc() == counterpart.id() || x.finalDoc() == counterpart.id()).findFirst().orElse(null);
                String whom = published != null ? "本门户发布的 " + year + " 年预算" : year + " 年" + other;
                if (c == null) why = "与" + other + "的比对尚未完成";
                else if (!"DONE".equals(c.status())) why = "与" + whom + "不能比对：" + (c.message() == null ? "" : c.message());
                else {
                    why = "";
                    findings = findings(c.findings());
                    with = whom;
                }
            }
            return new Scoring.Context(d.publishedOn(), d.publishedFromLabel(), approved.get(basis), findings, with, why);
        }
    }

    /** Stored comparison findings as findings again (what scoring needs: severity and message). */
    static List<Finding> findings(String json) {
        if (json == null) return List.of();
        try {
            List<Map<String, String>> rows = BatchService.JSON.readValue(json, new TypeReference<List<Map<String, String>>>() {});
            List<Finding> out = new ArrayList<>();
            for (Map<String, String> r : rows) {
                org.openbudget.core.check.Severity s = org.openbudget.core.check.Severity.valueOf(r.getOrDefault("severity", "NOTICE"));
                out.add(new Finding(r.getOrDefault("id", ""), s, null, "", "", "", "", "", "", r.getOrDefault("message", "")));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("a stored comparison that does not read back", e);
        }
    }
}
