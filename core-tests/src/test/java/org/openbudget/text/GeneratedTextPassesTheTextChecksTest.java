package org.openbudget.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.derive.Deriver;
import org.openbudget.core.pipeline.Pipeline;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Narrative;
import org.openbudget.core.ledger.Narrative.Allocation;
import org.openbudget.core.ledger.Narrative.Assets;
import org.openbudget.core.ledger.Narrative.CarryOverNote;
import org.openbudget.core.ledger.Narrative.Indicator;
import org.openbudget.core.ledger.Narrative.LastYear;
import org.openbudget.core.ledger.Narrative.Personnel;
import org.openbudget.core.ledger.Narrative.Procurement;
import org.openbudget.core.ledger.Narrative.ProjectText;
import org.openbudget.core.ledger.Narrative.Target;
import org.openbudget.core.ledger.Project;
import org.openbudget.core.money.Amounts;
import org.openbudget.core.money.Fen;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.synthetic.SyntheticBudgets;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * The generator and the text checks agree: the text generated for random budgets (every funding
 * source, 基本 and 项目, classified projects, departments), with last year's comparatives derived from
 * another random budget, passes every text check — no error, no warning (notices of rounding allowed).
 */
class GeneratedTextPassesTheTextChecksTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomBudgetsWithTheirText(int seed) {
        ReferenceData ref = LIB.year(2024);
        TemplateProfile profile = LIB.profile("xinjiang-2024");
        SyntheticBudgets gen = new SyntheticBudgets(ref, profile.id());
        Random rnd = new Random(seed);
        Budget budget = seed % 3 == 0 ? gen.department(rnd, seed, 2 + rnd.nextInt(3), 20, 60) : gen.unit(rnd, seed, 20 + rnd.nextInt(80));
        Budget lastYear = gen.unit(new Random(seed + 100), seed + 100, 20 + rnd.nextInt(60));
        Disclosure previous = Deriver.tables(lastYear, ref, profile);
        budget = oneItemPerProject(budget);     // a project is budgeted under one 功能分类项, as in practice
        Budget withText = budget.withNarrative(narrative(budget, lastYear, ref, rnd));
        Disclosure d = Pipeline.derive(withText, ref, profile, previous);
        assertThat(d.text().sections()).hasSize(12);
        List<Finding> text = CheckCatalogue.run(d, profile, ref).stream().filter(f -> f.id().matches("X[0-9EPR].*")).toList();   // the text checks (X. are between tables)
        assertThat(text).as("text findings of seed %d", seed).allSatisfy(f ->
                assertThat(f.severity()).as(f.id() + " " + f.message()).isEqualTo(Severity.NOTICE));
    }

    static Budget oneItemPerProject(Budget b) {
        if (b.isDepartment()) {
            return new Budget(b.agency(), b.year(), b.profileId(), b.projects(), b.lines(),
                    b.units().stream().map(GeneratedTextPassesTheTextChecksTest::oneItemPerProject).toList(), b.origin());
        }
        Map<String, String> item = new LinkedHashMap<>();
        List<LedgerLine> lines = new ArrayList<>();
        for (LedgerLine l : b.lines()) {
            String func = l.projectCode() == null ? l.funcCode() : item.computeIfAbsent(l.projectCode(), k -> l.funcCode());
            lines.add(new LedgerLine(l.agencyCode(), func, l.ecoCode(), l.nature(), l.projectCode(), l.fundSource(), l.amountFen(), l.origin()));
        }
        return new Budget(b.agency(), b.year(), b.profileId(), b.projects(), lines, b.units(), b.origin());
    }

    /** A narrative with every part: a reason for every key, project texts whose allocation adds up, targets weighing 90. */
    static Narrative narrative(Budget b, Budget lastYear, ReferenceData ref, Random rnd) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String k : List.of("income.gpb.local", "income.gpb.transfer", "income.gfb.local", "income.gfb.transfer",
                "income.soc.local", "income.soc.transfer", "income.edu", "income.unit", "income.carry.fiscal", "income.carry.nonfiscal",
                "expense.basic", "expense.project", "gpb.basic", "gpb.project", "tpe.total", "tpe.abroad", "tpe.vehicle.purchase",
                "tpe.vehicle.run", "tpe.reception", "running")) reasons.put(k, "原因" + k);
        for (Budget x : List.of(b, lastYear)) {       // every 项 of this year's or last year's 一般公共预算
            for (LedgerLine l : x.allLines()) {
                if (ref.source(l.fundSource()).orElseThrow().generalPublicCurrent()) reasons.put("gpb.item:" + l.funcCode(), "原因");
            }
        }
        Map<String, long[]> money = new LinkedHashMap<>();
        for (LedgerLine l : b.allLines()) {
            if (l.projectCode() == null) continue;
            var s = ref.source(l.fundSource()).orElseThrow();
            if (s.generalPublicCurrent()) money.computeIfAbsent(l.projectCode(), k -> new long[1])[0] += l.amountFen();
        }
        List<ProjectText> texts = new ArrayList<>();
        List<CarryOverNote> notes = new ArrayList<>();
        for (Project p : b.allProjects().values()) {
            long fen = money.getOrDefault(p.code(), new long[1])[0];
            BigDecimal printed = Amounts.printed(Fen.toWan(fen));
            List<Indicator> ind = List.of(
                    new Indicator("产出指标", "数量指标", "次数", "=1次", "计划标准", "1次", new BigDecimal("60"), "按照完成比例赋分", "工作资料"),
                    new Indicator("效益指标", "社会效益指标", "效果", "有效", "自定义", "有效", new BigDecimal("30"), "按评判等级赋分", "说明材料"));
            texts.add(new ProjectText(p.code(), "依据", fen == 0 ? List.of() : List.of(new Allocation("委托业务费", printed)),
                    "全年", "负责人", fen == 0 ? null : new Target("目标", ind)));   // targets for the projects of 表7
            notes.add(new CarryOverNote(p.code(), "结转用途"));
        }
        BigDecimal g = new BigDecimal(rnd.nextInt(100)), w = new BigDecimal(rnd.nextInt(100)), s = new BigDecimal(rnd.nextInt(100));
        BigDecimal total = g.add(w).add(s);
        return new Narrative(List.of("职能"), List.of("综合科"), new Personnel(10, 8, 1, 3, -1, 0, 0),
                LastYear.NONE, reasons, Map.of(), texts, notes, new Procurement(g, w, s, total, total),
                new Assets(new BigDecimal("100"), new BigDecimal("50"), 2, new BigDecimal("30"), 1, new BigDecimal("20"), 0,
                        BigDecimal.ZERO, new BigDecimal("5"), new BigDecimal("6"), 0, 0, 0, 0, 0),
                null, List.of(), List.of(), "2024-02-22");
    }
}
