package org.openbudget.core.check;

import static org.openbudget.core.check.CheckContext.printed;
import static org.openbudget.core.check.Rule.t;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.disclosure.text.FactKeys;
import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.core.measure.Where;
import org.openbudget.core.profile.Bindings;
import org.openbudget.core.profile.MoneyCells;
import org.openbudget.core.profile.MoneyCells.Cell;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TextOutline;
import org.openbudget.core.profile.TextRules;

/**
 * Text against tables: every number the text states (a {@link TextFact}, keyed per
 * docs/text-facts.md) equals what the tables and arithmetic give, whichever road the Disclosure
 * came by. A document without text facts gets no finding from these checks.
 *
 * <p>Amounts the text restates from a table cell must equal the printed cell. Shares and rates are
 * recomputed from the PRINTED amounts; since those are rounded, a stated share or rate that differs
 * from the recomputed one but lies within what the rounding of its inputs allows is a notice, like a
 * table's rounding difference. Sums of printed text amounts get the tables' tolerance
 * 0.005 × (n + 1).
 */
public final class TextChecks {
    private static final BigDecimal HALF_CENT = new BigDecimal("0.005");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private TextChecks() {}

    /** The ids of the text checks (their mutation tests live with the reader of published documents, audit/). */
    public static Set<String> ids() {
        return all().stream().map(Check::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The ids the text checks had when they were written for the Xinjiang template's sections (X5.item-amount: 五（三）),
     * each → its id by what it checks, so that earlier reports and profile overrides still resolve.
     */
    static Map<String, String> aliases() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("X0.staff-sum", "text.staff-sum");
        a.put("X0.offices", "text.offices");
        a.put("X1.total", "text.total");
        a.put("X1.lists", "text.lists");
        a.put("X2.income", "text.income");
        a.put("X3.expense", "text.expense");
        a.put("X3.changes", "text.expense-changes");
        a.put("X4.fiscal", "text.fiscal");
        a.put("X5.totals", "text.gpb");
        a.put("X5.class-amount", "text.gpb-class");
        a.put("X5.item-amount", "text.gpb-item");
        a.put("X5.items-listed", "text.gpb-items-listed");
        a.put("X5.changes", "text.gpb-changes");
        a.put("X6.amounts", "text.gpb-basic");
        a.put("X6.items", "text.gpb-basic-items");
        a.put("X7.projects", "text.projects");
        a.put("X7.project-amount", "text.project-amount");
        a.put("X7.alloc-sum", "text.alloc-sum");
        a.put("X7.alloc-tpe", "text.alloc-tpe");
        a.put("XE.empty-claim", "text.empty-claim");
        a.put("XE.empty-sentence", "text.empty-sentence");
        a.put("X10.tpe", "text.tpe");
        a.put("X11.carry", "text.carry");
        a.put("X12.running", "text.running");
        a.put("X12.running-term", "text.running-term");
        a.put("X12.procurement", "text.procurement");
        a.put("X12.vehicles", "text.vehicles");
        a.put("X12.perf-counts", "text.perf-counts");
        a.put("X12.perf-tables", "text.perf-tables");
        a.put("X12.perf-amount", "text.perf-amount");
        a.put("X12.perf-weights", "text.perf-weights");
        a.put("XP.project-name", "text.project-name");
        a.put("XP.unit-name", "text.unit-name");
        a.put("XR.share", "text.share");
        a.put("XR.share-sum", "text.share-sum");
        a.put("XR.rate", "text.rate");
        a.put("XR.direction", "text.direction");
        a.put("XR.reason", "text.reason");
        return a;
    }

    /**
     * The text checks. Each is named by what it checks (text.gpb-item: each 项 the text states against the 一般公共预算
     * spending table), never by a section's or a table's number: a template says where its text states what (its
     * outline's blocks) and which table is which (by shape and measure), and findings name the table by its mark or
     * title in the document at hand.
     */
    static List<Check> all() {
        return List.of(
                rule("text.staff-sum", Severity.ERROR, "人员情况：实有人数 = 在职 + 退休 + 离休", needs(), TextChecks::staffSum),
                rule("text.offices", Severity.ERROR, "机构设置：下设处室个数 = 列出的处室个数", needs(), TextChecks::offices),
                rule("text.total", Severity.ERROR, "总体说明：收支总预算 = 收支总表的收入总计 = 支出总计", needs(Role.SUMMARY), TextChecks::total),
                rule("text.lists", Severity.WARNING, "总体说明：“收入预算包括”列出收支总表有数的收入来源，“支出预算包括”列出收支总表有数的支出功能分类类", needs(Role.SUMMARY), TextChecks::lists),
                rule("text.income", Severity.ERROR, "收入预算说明：收入预算及各项收入金额 = 收支总表对应行", needs(Role.SUMMARY), TextChecks::income),
                rule("text.expense", Severity.ERROR, "支出预算说明：支出预算、基本支出、项目支出金额 = 支出总表合计行", needs(Role.EXPENSE), TextChecks::expense),
                rule("text.expense-changes", Severity.ERROR, "支出预算说明与收入预算说明：基本支出与项目支出的增减额之和 = 各项收入增减额之和（收支平衡）", needs(), TextChecks::changesThree),
                rule("text.fiscal", Severity.ERROR, "财政拨款收支说明：财政拨款收支总预算、各项收入、各类支出（一般公共预算）及其所列项 = 财政拨款收支总表 / 一般公共预算支出表", needs(Role.FISCAL, Role.GPB), TextChecks::fiscal),
                rule("text.gpb", Severity.ERROR, "一般公共预算拨款说明：拨款合计、基本支出、项目支出 = 一般公共预算支出表合计行", needs(Role.GPB), TextChecks::gpbTotals),
                rule("text.gpb-class", Severity.ERROR, "一般公共预算拨款结构：每个类的金额 = 一般公共预算支出表该类合计，该表每个类都列出", needs(Role.GPB), TextChecks::gpbClasses),
                rule("text.gpb-item", Severity.ERROR, "一般公共预算拨款具体使用：每个项的预算数 = 一般公共预算支出表该项合计（上年有、本年无的项为 0）", needs(Role.GPB), TextChecks::gpbItems),
                rule("text.gpb-items-listed", Severity.ERROR, "一般公共预算拨款具体使用：一般公共预算支出表的每个项都列出", needs(Role.GPB), TextChecks::gpbItemsListed),
                rule("text.gpb-changes", Severity.ERROR, "一般公共预算拨款说明：各项增减额之和 = 基本支出与项目支出增减额之和 = 收入预算说明中一般公共预算（含上级转移支付）增减额", needs(), TextChecks::changesFive),
                rule("text.gpb-basic", Severity.ERROR, "一般公共预算基本支出说明：基本支出、人员经费、公用经费 = 一般公共预算基本支出表总计行", needs(Role.GPB_BASIC), TextChecks::basicAmounts),
                rule("text.gpb-basic-items", Severity.ERROR, "一般公共预算基本支出说明：人员经费、公用经费“主要包括”的经济分类款 = 一般公共预算基本支出表该列有数的款", needs(Role.GPB_BASIC), TextChecks::basicItems),
                rule("text.projects", Severity.ERROR, "项目支出说明：一般公共预算项目支出表的每个项目都有说明，说明的每个项目都在该表", needs(Role.GPB_PROJECTS), TextChecks::projects),
                rule("text.project-amount", Severity.ERROR, "项目支出说明：每个项目的预算安排规模 = 一般公共预算项目支出表该项目合计", needs(Role.GPB_PROJECTS), TextChecks::projectAmounts),
                rule("text.alloc-sum", Severity.ERROR, "项目支出说明：资金分配情况各项金额之和 = 预算安排规模", needs(), TextChecks::allocSum),
                rule("text.alloc-tpe", Severity.WARNING, "项目支出说明：资金分配情况列有公务接待费或公务用车费用，而“三公”经费表该项为空（可疑）", needs(Role.THREE_PUBLIC), TextChecks::allocThreePublic),
                rule("text.empty-claim", Severity.ERROR, "政府性基金、国有资本经营预算和上年结转结余说明：说“为空表”的表须确实为空，所述金额 = 该表合计", needs(), TextChecks::emptyClaim),
                rule("text.empty-sentence", Severity.WARNING, "政府性基金、国有资本经营预算和上年结转结余说明：其表为空时，说明应有“……为空表。”的句子", needs(), TextChecks::emptySentence),
                rule("text.tpe", Severity.ERROR, "“三公”经费说明：合计及各项 = “三公”经费表对应行（合计列）", needs(Role.THREE_PUBLIC), TextChecks::threePublic),
                rule("text.carry", Severity.ERROR, "上年结转结余说明：总额、财政拨款、非财政拨款及每个项目 = 上年结转结余表", needs(Role.CARRY), TextChecks::carry),
                rule("text.running", Severity.ERROR, "运行经费：机关（事业单位）运行经费 = 一般公共预算基本支出表公用经费合计", needs(Role.GPB_BASIC), TextChecks::running),
                rule("text.running-term", Severity.WARNING, "运行经费：行政、参公单位称“机关运行经费”，事业单位称“事业单位运行经费”（模板用语）", needs(), TextChecks::runningTerm),
                rule("text.procurement", Severity.ERROR, "政府采购：政府采购预算 = 货物 + 工程 + 服务；预留给中小企业的不超过总额，小微企业的不超过中小企业的", needs(), TextChecks::procurement),
                rule("text.vehicles", Severity.ERROR, "国有资产：车辆数量与价值 = 一般公务用车 + 执法执勤用车 + 其他车辆", needs(), TextChecks::vehicles),
                rule("text.perf-counts", Severity.ERROR, "预算绩效与其他事项：财政拨款项目个数与金额 = 一般公共预算项目支出表，涉密项目 = 项目支出说明中不予公开的项目，上年结转结余项目 = 上年结转结余表，整体绩效目标金额 = 收支总预算", needs(Role.GPB_PROJECTS), TextChecks::perfCounts),
                rule("text.perf-tables", Severity.ERROR, "预算绩效：一般公共预算项目支出表的每个（不涉密的）项目都有项目支出绩效目标表，每张表都对应该表的项目", needs(Role.GPB_PROJECTS), TextChecks::perfTables),
                rule("text.perf-amount", Severity.ERROR, "预算绩效：项目支出绩效目标表的财政拨款 = 一般公共预算项目支出表该项目合计，年度预算总额 = 财政拨款 + 其他资金；整体绩效目标表的资金总额 = 收支总预算", needs(Role.GPB_PROJECTS), TextChecks::perfAmounts),
                rule("text.perf-weights", Severity.ERROR, "预算绩效：每张项目支出绩效目标表的指标分值权重之和 = 模板规定的总分（text_rules.performance_weight_total）", needs(), TextChecks::perfWeights),
                rule("text.project-name", Severity.WARNING, "同一项目在一般公共预算项目支出表、上年结转结余表、项目支出说明、上年结转结余说明和绩效目标表中写法一致", needs(Role.GPB_PROJECTS), TextChecks::projectNames),
                rule("text.unit-name", Severity.WARNING, "项目承担单位、绩效目标表的预算单位和文末落款是本文档的单位（或其所属单位）", needs(), TextChecks::unitNames),
                rule("text.share", Severity.ERROR, "占比 = 金额 ÷ 总额 × 100（按印出的金额计算，差额在四舍五入范围内为提示）", needs(), TextChecks::shares),
                rule("text.share-sum", Severity.ERROR, "同组占比之和 = 100%（收入、支出各项，一般公共预算各类）", needs(), TextChecks::shareSums),
                rule("text.rate", Severity.ERROR, "增减率 = 增减额 ÷（金额 − 增减额）× 100；上年为 0 的新增项为 100%", needs(), TextChecks::rates),
                rule("text.direction", Severity.ERROR, "增加与增长、减少与下降同时出现（方向一致）；增加额不能大于本年金额", needs(), TextChecks::directions),
                rule("text.reason", Severity.WARNING, "有增减变动的项目应说明主要原因", needs(), TextChecks::reasons));
    }

    private static Role[] needs(Role... roles) {
        return roles;
    }

    /**
     * A text check: not evaluable (a notice naming the table) when the document lacks a table it needs, by what the
     * table is; nothing to do (and nothing to say) for a document without text.
     */
    private static Check rule(String id, Severity severity, String rule, Role[] needs, java.util.function.Consumer<CheckContext> logic) {
        return new Rule(id, severity, rule, t(), ctx -> {
            for (Role r : needs) {
                if (table(ctx, r).isEmpty()) {
                    ctx.notEvaluable(no(ctx, r), mark(ctx, r));
                    return;
                }
            }
            DocumentText t = ctx.disclosure().text();
            if (!t.facts().isEmpty() || !t.performance().isEmpty()) logic.accept(ctx);
        });
    }

    // ------------------------------------------------------------------ helpers

    private static DocumentText text(CheckContext ctx) {
        return ctx.disclosure().text();
    }

    /**
     * Is the fact stated in the section of the profile's outline that states {@code key} (or holds a block of that kind):
     * 五 for gpb.total, 六 for gpb.basic.personnel …, by what the outline's blocks declare ({@link TextOutline#sectionOf})?
     */
    private static boolean in(CheckContext ctx, TextFact f, String key) {
        return ctx.profile().text().outline().sectionOf(key).map(s -> s.number().equals(f.section())).orElse(false);
    }

    private static List<TextFact> facts(CheckContext ctx, Predicate<TextFact> p) {
        return text(ctx).facts().stream().filter(p).toList();
    }

    private static List<TextFact> of(CheckContext ctx, String key, FactKind kind) {
        List<TextFact> out = new ArrayList<>();
        for (TextFact f : keyed(ctx, key)) if (f.kind() == kind) out.add(f);
        return out;
    }

    private static Optional<TextFact> one(CheckContext ctx, String key, FactKind kind) {
        for (TextFact f : keyed(ctx, key)) if (f.kind() == kind) return Optional.of(f);
        return Optional.empty();
    }

    /** The facts stated under one key, in document order: the document's facts grouped once per run (every rule asks). */
    private static List<TextFact> keyed(CheckContext ctx, String key) {
        Map<String, List<TextFact>> byKey = ctx.runFact(FactsByKey.KEY, () -> {
            Map<String, List<TextFact>> m = new java.util.HashMap<>();
            for (TextFact f : text(ctx).facts()) m.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f);
            return m;
        });
        return byKey.getOrDefault(key, List.of());
    }

    private enum FactsByKey { KEY }

    /** A row's first amount as the text states it (its unit), to know a project by the amount the text gives it. */
    private static Function<Row, BigDecimal> inText(CheckContext ctx) {
        return r -> ctx.textCell(r, 0);
    }

    /** A row's first amount as printed in 万元, as a 绩效目标表 states its 财政拨款 (its labels: 资金总额（万元）). */
    private static BigDecimal inTable(Row r) {
        return printed(r, 0);
    }

    /** The unit the text states its amounts in (万元, 元), as a finding names an amount of it. */
    private static String unit(CheckContext ctx) {
        return ctx.textUnit();
    }

    private static String p(BigDecimal v) {
        return v == null ? null : v.setScale(Math.max(2, v.scale()), RoundingMode.HALF_UP).toPlainString();
    }

    private static String kindLabel(FactKind k) {
        return switch (k) {
            case AMOUNT -> "金额";
            case SHARE -> "占比";
            case CHANGE -> "增减额";
            case RATE -> "增减率";
            case COUNT -> "个数";
            case QUANTITY -> "数量";
            case LIST -> "列举";
            case NAME -> "名称";
        };
    }

    private static String where(TextFact f) {
        return f.label().trim();
    }

    /** A stated number against the value a table (or arithmetic) gives: equal, or a finding of the check's severity. */
    private static void expect(CheckContext ctx, TextFact f, BigDecimal expected, Integer table, String code, String project, String what) {
        if (f.value() == null || expected == null) return;
        if (CheckContext.textAgrees(f.value(), expected)) return;
        ctx.report(ctx.currentSeverity(), table, code, project, kindLabel(f.kind()), f.section(), p(expected), p(f.value()),
                where(f) + "：" + what + "应为 " + p(expected) + CheckContext.textPrecision(expected) + "，文字为 " + p(f.value()) + "（“" + shortly(f.sentence()) + "”）");
    }

    /** A sum of n printed text numbers against a stated total: within 0.005 × (n + 1) a notice. */
    private static void expectSum(CheckContext ctx, TextFact at, BigDecimal found, BigDecimal expected, int parts, Integer table, String project, String what) {
        BigDecimal diff = found.subtract(expected).abs();
        if (diff.signum() == 0) return;
        BigDecimal tol = HALF_CENT.multiply(BigDecimal.valueOf(parts + 1));
        boolean rounding = parts > 1 && diff.compareTo(tol) <= 0;
        ctx.report(rounding ? Severity.NOTICE : ctx.currentSeverity(), table, "", project, kindLabel(at.kind()), at.section(), p(expected), p(found),
                where(at) + "：" + what + "应为 " + p(expected) + "，实为 " + p(found)
                        + (rounding ? "（相差 " + p(diff) + "，在各数分别四舍五入的允许范围 " + tol.stripTrailingZeros().toPlainString() + " 内）" : "（相差 " + p(diff) + "）"));
    }

    private static String shortly(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }

    /**
     * The tables the text is checked against, by what they are — a shape, the money the table shows as a whole
     * (its scope, "" any), a classification ("" any) and a measure one of its columns is bound to ("" any) —
     * never by their number in a template: 一般公共预算 支出 is the functional classification table of gpb money,
     * wherever a template prints it.
     */
    enum Role {
        SUMMARY("summary", "total", "", ""),
        EXPENSE("classification", "total", "functional", "basic"),
        FISCAL("summary", "fiscal", "", ""),
        GPB("classification", "gpb", "functional", ""),
        GPB_BASIC("classification", "gpb & basic", "economic", ""),
        GPB_PROJECTS("classification", "gpb & project", "", ""),
        THREE_PUBLIC("fixed", "", "", ""),
        CARRY("projects", "carry", "", "");

        final String shape;
        final String where;
        final String classification;
        final String column;

        Role(String shape, String where, String classification, String column) {
            this.shape = shape;
            this.where = where;
            this.classification = classification;
            this.column = column;
        }
    }

    /** The document's first table of this role (found once per run). */
    private static Optional<DisclosureTable> table(CheckContext ctx, Role role) {
        return ctx.runFact("text-role:" + role, () -> find(ctx, role));
    }

    /**
     * How findings name the table of this role: its mark in the document ("表5"), else its title; when the document
     * lacks it, the profile's table of that role; "" when the profile has none.
     */
    private static String mark(CheckContext ctx, Role role) {
        Optional<DisclosureTable> t = table(ctx, role);
        if (t.isPresent()) return t.get().mark().isBlank() ? "《" + t.get().title() + "》" : t.get().mark();
        return template(ctx, role).map(x -> x.mark().isBlank() ? "《" + x.title(ctx.disclosure().kind().label()) + "》" : x.mark()).orElse("");
    }

    /** The number of the table of this role (the document's, else the profile's), for a finding's table; 0 when none. */
    private static int no(CheckContext ctx, Role role) {
        return table(ctx, role).map(DisclosureTable::no).orElseGet(() -> template(ctx, role).map(org.openbudget.core.profile.TableTemplate::no).orElse(0));
    }

    /** The outline's number of the section that holds a block of this kind or states this key (the Xinjiang outline's 七 for projects), "" when none. */
    private static String numeral(CheckContext ctx, String keyOrKind) {
        return ctx.profile().text().outline().sectionOf(keyOrKind).map(TextOutline.Section::number).orElse("");
    }

    /** The profile's first table of this role. */
    private static Optional<org.openbudget.core.profile.TableTemplate> template(CheckContext ctx, Role role) {
        org.openbudget.core.measure.MeasureDictionary dict = ctx.profile().measures();
        if (dict.all().isEmpty()) return Optional.empty();
        List<org.openbudget.core.classification.FundingSource> sources = ctx.ref().sources();
        List<MoneyCells.Term> scope = role.where.isEmpty() ? null : MoneyCells.key(dict.terms(role.where), sources);
        for (org.openbudget.core.profile.TableTemplate tpl : ctx.profile().tables().values()) {
            if (fits(tpl, role, dict, sources, scope)) return Optional.of(tpl);
        }
        return Optional.empty();
    }

    private static boolean fits(org.openbudget.core.profile.TableTemplate tpl, Role role, org.openbudget.core.measure.MeasureDictionary dict,
                                List<org.openbudget.core.classification.FundingSource> sources, List<MoneyCells.Term> scope) {
        if (tpl == null || tpl.shape() == null) return false;
        if (tpl.shape().kind() != org.openbudget.core.profile.TableShape.kind(role.shape)) return false;
        if (!role.classification.isEmpty() && !tpl.shape().classification().equals(role.classification)) return false;
        if (scope != null && !MoneyCells.key(org.openbudget.core.profile.Bindings.scope(tpl, dict), sources).equals(scope)) return false;
        return role.column.isEmpty() || tpl.columns().stream().anyMatch(c -> role.column.equals(c.measure()));
    }

    private static Optional<DisclosureTable> find(CheckContext ctx, Role role) {
        org.openbudget.core.measure.MeasureDictionary dict = ctx.profile().measures();
        List<org.openbudget.core.classification.FundingSource> sources = ctx.ref().sources();
        if (dict.all().isEmpty()) return Optional.empty();
        List<MoneyCells.Term> scope = role.where.isEmpty() ? null : MoneyCells.key(dict.terms(role.where), sources);
        for (DisclosureTable t : ctx.disclosure().tables()) {
            if (fits(MoneyCells.template(ctx.profile(), t).orElse(null), role, dict, sources, scope)) return Optional.of(t);
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ the money a fact states, and the cell that prints it

    /**
     * A row-walking block's table and measure for the rows it states under a key prefix: an {@code each_row}
     * block's (gpb.item: the rows' table, valued in their column), a {@code budgets} block's rows (fiscal.item) or
     * the class rows of one of its budgets (class_key fiscal.class: the block's table, the budget's measure).
     */
    private record Walked(TextOutline.TableRef table, String measure) {}

    private static Walked walked(CheckContext ctx, String prefix) {
        for (TextOutline.Section s : ctx.profile().text().outline().sections()) {
            for (TextOutline.Block b : s.blocks()) {
                if (!b.kind().equals("each_row") && !b.kind().equals("budgets")) continue;
                if (b.key().equals(prefix) && b.rows() != null) {
                    String column = b.rows().column();
                    return new Walked(b.rows().table(), column.isEmpty() ? b.rows().table().where() : b.rows().table().where() + " & " + column);
                }
                for (TextOutline.Item i : b.items()) {
                    if (prefix.equals(i.words().get("class_key")) && !i.measure().isEmpty()) return new Walked(b.table(), i.measure());
                }
            }
        }
        return null;
    }

    /**
     * The money a fact states, as filters over the ledger: the measure expression the profile's outline states
     * under its key (a sentence's amount, an item's), else the dictionary's measure of that key; for a row a block
     * walks (gpb.item:2080502), the block's measure for that row's code. Null when the fact states no measure.
     */
    private static List<Where> money(CheckContext ctx, String key) {
        // the same for every document of the template: worked out once per key
        return ctx.templateFact(new MoneyOf(key), () -> Optional.ofNullable(moneyOf(ctx, key))).orElse(null);
    }

    private record MoneyOf(String key) {}

    private static List<Where> moneyOf(CheckContext ctx, String key) {
        MeasureDictionary dict = ctx.profile().measures();
        if (dict.all().isEmpty()) return null;
        int colon = key.indexOf(':');
        String measure;
        List<Where> code = null;
        if (colon < 0) {
            measure = ctx.runFact(Outline.MEASURES, () -> stated(ctx.profile().text().outline())).get(key);
            if (measure == null && dict.find(key).isPresent()) measure = key;
        } else {
            Walked w = walked(ctx, key.substring(0, colon));
            measure = w == null ? null : w.measure();
            code = List.of(Where.func(List.of(key.substring(colon + 1))));
        }
        if (measure == null || !dict.problems(measure).isEmpty()) return null;
        return code == null ? dict.terms(measure) : Bindings.and(dict.terms(measure), code);
    }

    private enum Outline { MEASURES, INDEX }

    /**
     * Fact key → the measure expression the outline states under it: the amounts it reads off the tables
     * ({@link TextOutline#measuresByKey}), then those of its narrative blocks (十二's 整体绩效目标 and 当年财政拨款项目
     * amounts, the 上年结转结余项目 of 其他事项), which the text checks hold to the same cells.
     */
    private static Map<String, String> stated(TextOutline outline) {
        Map<String, String> out = new LinkedHashMap<>(outline.measuresByKey());
        for (TextOutline.Section s : outline.sections()) {
            for (TextOutline.Block b : s.blocks()) {
                for (TextOutline.Stated a : b.amounts()) {
                    if (a.checked() && a.measure() != null && !a.measure().isEmpty()) out.putIfAbsent(a.key(), a.measure());
                }
            }
        }
        return out;
    }

    /** The table a row-walking fact (fiscal.item:2080502) is stated from, as its block names it; else {@code otherwise}. */
    private static DisclosureTable tableOf(CheckContext ctx, TextFact f, DisclosureTable otherwise) {
        int colon = f.key().indexOf(':');
        Walked w = colon < 0 ? null : walked(ctx, f.key().substring(0, colon));
        if (w == null || w.table() == null) return otherwise;
        return MoneyCells.table(ctx.disclosure(), ctx.profile(), ctx.ref().sources(), w.table()).orElse(otherwise);
    }

    /** The cells of table t that print this money (within the table's own scope), in row order. */
    private static List<Cell> printing(CheckContext ctx, DisclosureTable t, List<Where> money) {
        TableTemplate tpl = MoneyCells.template(ctx.profile(), t).orElse(null);
        if (tpl == null) return List.of();
        // the money's key within the table's scope: the same for every document of the template (and year's sources)
        List<MoneyCells.Term> want = ctx.templateFact(new Wanted(tpl.id(), tpl.no(), money, ctx.ref()),
                () -> MoneyCells.key(Bindings.and(Bindings.scope(tpl, ctx.profile().measures()), money), ctx.ref().sources()));
        // the document's cells by table and key, indexed once per run (every amount the text states looks one up)
        Map<DisclosureTable, Map<List<MoneyCells.Term>, List<Cell>>> index = ctx.runFact(CellIndex.KEY, () -> {
            Map<DisclosureTable, Map<List<MoneyCells.Term>, List<Cell>>> m = new java.util.IdentityHashMap<>();
            for (Cell c : MeasureChecks.cells(ctx)) m.computeIfAbsent(c.table(), x -> new java.util.HashMap<>()).computeIfAbsent(c.key(), x -> new ArrayList<>()).add(c);
            return m;
        });
        return index.getOrDefault(t, Map.of()).getOrDefault(want, List.of());
    }

    /** A template fact's key: a table's (by id and number) key of this money, under a year's reference data (by identity). */
    private record Wanted(String table, int no, List<Where> money, org.openbudget.core.classification.ReferenceData ref) {}

    private enum CellIndex { KEY }

    /** The first cell of table t that prints this measure expression of the dictionary, if t prints it. */
    private static Optional<Cell> cellOfMeasure(CheckContext ctx, DisclosureTable t, String measure) {
        MeasureDictionary dict = ctx.profile().measures();
        if (dict.all().isEmpty() || !dict.problems(measure).isEmpty()) return Optional.empty();
        return printing(ctx, t, dict.terms(measure)).stream().findFirst();
    }

    /** What table t prints for this measure: its cell as printed, 0.00 when it prints none. */
    private static BigDecimal amount(CheckContext ctx, DisclosureTable t, String measure) {
        return cellOfMeasure(ctx, t, measure).map(c -> ctx.textCell(c.row(), c.column())).orElse(BigDecimal.ZERO.setScale(2));
    }

    private static boolean zero(Optional<Cell> c) {
        return c.map(x -> printed(x.row(), x.column()).signum() == 0).orElse(true);
    }

    /** The first cell of table t that prints the money the fact under this key states, if t prints it. */
    private static Optional<Cell> cellOf(CheckContext ctx, DisclosureTable t, String key) {
        List<Where> money = money(ctx, key);
        return money == null ? Optional.empty() : printing(ctx, t, money).stream().findFirst();
    }

    /**
     * Each amount stated against the cell of table t that prints the money its fact states (its outline's
     * measure): the cell as printed, or 0.00 when the table prints no such cell (a row it leaves out). The finding
     * names the table as the document does and the cell by its row and printed column header. {@code every}: when
     * the table prints that money twice (a summary's 收入总计 and 支出总计), each other cell that differs too.
     */
    private static void against(CheckContext ctx, DisclosureTable t, List<TextFact> stated, boolean every) {
        for (TextFact f : stated) {
            List<Where> money = money(ctx, f.key());
            if (money == null) continue;
            DisclosureTable in = tableOf(ctx, f, t);
            List<Cell> cells = printing(ctx, in, money);
            if (cells.isEmpty()) {
                int colon = f.key().indexOf(':');
                expect(ctx, f, BigDecimal.ZERO.setScale(2), in.no(), colon < 0 ? "" : f.key().substring(colon + 1), "",
                        ctx.tableName(in) + "「" + f.subject() + "」");
                continue;
            }
            BigDecimal first = ctx.textCell(cells.get(0).row(), cells.get(0).column());
            for (Cell c : cells) {
                BigDecimal v = ctx.textCell(c.row(), c.column());
                if (c != cells.get(0) && (!every || v.compareTo(first) == 0)) continue;
                expect(ctx, f, v, in.no(), c.row().code(), "", MeasureChecks.where(ctx, c));
            }
        }
    }

    /** The amounts stated in the section of the outline that states {@code key} (五 for gpb.total) that state a measure. */
    private static List<TextFact> amountsIn(CheckContext ctx, String key) {
        return ctx.runFact(new AmountsIn(key), () -> facts(ctx, f -> f.kind() == FactKind.AMOUNT && f.key().indexOf(':') < 0 && in(ctx, f, key) && money(ctx, f.key()) != null));
    }

    /** The run's fact of {@link #amountsIn} for a key. */
    private record AmountsIn(String key) {}

    /** Names compared across places: half width, no whitespace (PDF extraction adds spaces between digits and CJK). */
    static String spelling(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= '\uFF01' && c <= '\uFF5E') c = (char) (c - 0xFEE0);
            if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0') continue;
            b.append(c);
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ 第一部分, 一, 二, 三, 四

    private static void staffSum(CheckContext ctx) {
        Optional<TextFact> actual = one(ctx, "staff.actual", FactKind.COUNT);
        if (actual.isEmpty()) return;
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (String k : List.of("staff.active", "staff.retired", "staff.honorary")) {
            Optional<TextFact> f = one(ctx, k, FactKind.COUNT);
            if (f.isPresent()) {
                sum = sum.add(f.get().value());
                n++;
            }
        }
        if (n == 0) return;
        TextFact a = actual.get();
        if (a.value().compareTo(sum) != 0) {
            ctx.report(ctx.currentSeverity(), null, "", "", "实有人数", a.section(), sum.toPlainString(), a.value().toPlainString(),
                    "第一部分 实有人数 " + a.value().toPlainString() + "人，而在职 + 退休 + 离休 = " + sum.toPlainString() + "人");
        }
    }

    private static void offices(CheckContext ctx) {
        Optional<TextFact> count = one(ctx, "offices", FactKind.COUNT);
        if (count.isEmpty()) return;
        int listed = text(ctx).overview().offices().size();
        BigDecimal n = count.get().value();
        if (listed == 0 && n.signum() > 0) return; // the offices are not listed: nothing to count
        if (n.compareTo(BigDecimal.valueOf(listed)) != 0) {
            ctx.report(ctx.currentSeverity(), null, "", "", "处室", "第一部分", String.valueOf(listed), n.toPlainString(),
                    "第一部分 下设 " + n.toPlainString() + " 个处室，列出的却是 " + listed + " 个：" + String.join("、", text(ctx).overview().offices()));
        }
    }

    /** 收支总预算 against the summary's 收入总计, and its 支出总计 where that differs (the cells that print all the money). */
    private static void total(CheckContext ctx) {
        table(ctx, Role.SUMMARY).ifPresent(t -> against(ctx, t, amountsIn(ctx, "total"), true));
    }

    /**
     * 一's lists, as the outline's {@code names} blocks of the section read as total say: the measures a block lists
     * (收入预算包括: the sources) each printed non-zero in the summary exactly when the text names it; the rows a block
     * lists (支出预算包括: the summary's expense 类) exactly those with money. Findings name the list by the block's subject.
     */
    private static void lists(CheckContext ctx) {
        DisclosureTable t1 = table(ctx, Role.SUMMARY).orElse(null);
        if (t1 == null) return;
        for (TextOutline.Block b : blocksOf(ctx, "total")) {
            if (!b.kind().equals("names") || b.key().isEmpty()) continue;
            if (b.rows() != null) listedRows(ctx, b, MoneyCells.table(ctx.disclosure(), ctx.profile(), ctx.ref().sources(), b.rows().table()).orElse(t1));
            else listedMeasures(ctx, b, t1);
        }
    }

    /** The sources a names block lists: each the summary's cell of its measure (a carry-over named as a whole covers both halves). */
    private static void listedMeasures(CheckContext ctx, TextOutline.Block b, DisclosureTable t1) {
        org.openbudget.core.measure.MeasureDictionary dict = ctx.profile().measures();
        List<String> groups = b.items().stream().map(TextOutline.Item::measure).filter(m -> !m.isEmpty()).toList();
        List<String> words = new ArrayList<>(groups);
        if (!words.contains("carry")) words.add("carry");   // all carried-over money named as a whole: 上年结转结余
        for (TextFact f : of(ctx, b.key(), FactKind.LIST)) {
            Set<String> listed = new LinkedHashSet<>();
            for (String item : f.items()) {
                String g = sourceGroup(dict, words, item);
                if (g == null) continue;
                listed.add(g);
                if (amount(ctx, t1, g).signum() == 0) {
                    ctx.report(ctx.currentSeverity(), t1.no(), "", "", "列举", f.section(), "", item, "第三部分" + f.section() + " " + b.subject() + "“" + item + "”，而" + t1.mark() + " 该项收入为空");
                }
            }
            for (String g : groups) {
                Optional<Cell> c = cellOfMeasure(ctx, t1, g);
                if (c.isEmpty() || ctx.textCell(c.get().row(), c.get().column()).signum() == 0 || listed.contains(g)) continue;
                if (g.startsWith("carry") && (listed.contains("carry") || listed.contains("carry.fiscal") || listed.contains("carry.nonfiscal"))) continue;
                String name = c.get().row().name();
                ctx.report(ctx.currentSeverity(), t1.no(), "", "", "列举", f.section(), name, String.join("、", f.items()),
                        "第三部分" + f.section() + " " + b.subject() + "中缺少" + t1.mark() + " 有数的“" + name + "”");
            }
        }
    }

    /** The rows a names block lists (its table's class rows of its side and level): exactly those with money. */
    private static void listedRows(CheckContext ctx, TextOutline.Block b, DisclosureTable t) {
        Side side = switch (b.rows().side()) {
            case "income" -> Side.INCOME;
            case "expense" -> Side.EXPENSE;
            default -> null;
        };
        int digits = switch (b.rows().level()) { case 1 -> 3; case 2 -> 5; default -> 7; };
        for (TextFact f : of(ctx, b.key(), FactKind.LIST)) {
            Set<String> listed = f.items().stream().map(TextChecks::spelling).collect(Collectors.toCollection(LinkedHashSet::new));
            Set<String> expected = new LinkedHashSet<>();
            for (Row r : t.rows()) {
                if (r.side() == side && r.kind() == RowKind.CLASS && r.code().length() == digits && ctx.textCell(r, 0).signum() != 0) expected.add(spelling(r.name()));
            }
            for (String e : expected) {
                if (!listed.contains(e)) ctx.report(ctx.currentSeverity(), t.no(), "", "", "列举", f.section(), e, String.join("、", f.items()),
                        "第三部分" + f.section() + " " + b.subject() + "中缺少" + t.mark() + " 有数的“" + e + "”");
            }
            for (String l : listed) {
                if (!expected.contains(l)) ctx.report(ctx.currentSeverity(), t.no(), "", "", "列举", f.section(), "", l,
                        "第三部分" + f.section() + " " + b.subject() + "“" + l + "”，而" + t.mark() + " 该类为空");
            }
        }
    }

    /**
     * The income group a listed source names, by the dictionary's names and synonyms of the groups' measures (and of
     * {@code carry}, all carried-over money: 上年结转结余): the longest that the item is, starts or ends with.
     */
    private static String sourceGroup(org.openbudget.core.measure.MeasureDictionary dict, List<String> groups, String item) {
        String s = spelling(item);
        String best = null;
        int len = -1;
        for (String g : groups) {
            org.openbudget.core.measure.Measure m = dict.find(g).orElse(null);
            if (m == null) continue;
            List<String> words = new ArrayList<>(m.synonyms());
            words.add(0, m.name());
            for (String w : words) {
                String nw = spelling(w);
                if ((s.equals(nw) || s.startsWith(nw) || s.endsWith(nw)) && nw.length() > len) {
                    best = g;
                    len = nw.length();
                }
            }
        }
        return best;
    }

    /** 收入预算 and each income the text states against the summary's cell of that measure (收入总计, its income rows). */
    private static void income(CheckContext ctx) {
        table(ctx, Role.SUMMARY).ifPresent(t -> against(ctx, t, amountsIn(ctx, "income.total"), false));
    }

    /** 支出预算, 基本支出, 项目支出 against the expense table's cells of those measures (its 总计 row). */
    private static void expense(CheckContext ctx) {
        table(ctx, Role.EXPENSE).ifPresent(t -> against(ctx, t, amountsIn(ctx, "expense.total"), false));
    }

    private static BigDecimal changeSum(List<TextFact> changes) {
        BigDecimal s = BigDecimal.ZERO;
        for (TextFact f : changes) s = s.add(f.signed());
        return s;
    }

    /** The keys of the items the outline's {@code each} blocks state one by one in the section that states {@code key} (三's 基本支出, 项目支出). */
    private static Set<String> itemKeys(CheckContext ctx, String key) {
        Set<String> out = new LinkedHashSet<>();
        for (TextOutline.Block b : blocksOf(ctx, key)) if (b.kind().equals("each")) for (TextOutline.Item i : b.items()) out.add(i.key());
        return out;
    }

    /** The blocks of the section of the outline that states {@code key} (or holds a block of that kind); none when no section does. */
    private static List<TextOutline.Block> blocksOf(CheckContext ctx, String key) {
        return ctx.profile().text().outline().sectionOf(key).map(TextOutline.Section::blocks).orElse(List.of());
    }

    /** The key prefixes of the rows whose changes the section that states {@code key} states ({@code each_row} with change: 五's gpb.item). */
    private static Set<String> changedRows(CheckContext ctx, String key) {
        Set<String> out = new LinkedHashSet<>();
        for (TextOutline.Block b : blocksOf(ctx, key)) if (b.kind().equals("each_row") && b.change()) out.add(b.key() + ":");
        return out;
    }

    /** The measure of the first amount the section that states {@code key} states (五's 拨款合计: gpb); "" when none. */
    private static String sectionTotal(CheckContext ctx, String key) {
        for (TextOutline.Block b : blocksOf(ctx, key)) for (TextOutline.Stated a : b.amounts()) if (!a.measure().isEmpty()) return a.measure();
        return "";
    }

    /** Whether the money the fact under this key states lies within the measure {@code whole} (上级转移支付 within 一般公共预算). */
    private static boolean within(CheckContext ctx, String key, String whole) {
        MeasureDictionary dict = ctx.profile().measures();
        List<Where> part = money(ctx, key);
        if (part == null || whole.isEmpty() || !dict.problems(whole).isEmpty()) return false;
        List<MoneyCells.Term> k = MoneyCells.key(part, ctx.ref().sources());
        return !k.isEmpty() && k.equals(MoneyCells.key(Bindings.and(dict.terms(whole), part), ctx.ref().sources()));
    }

    /** 三's changes of 基本支出 and 项目支出 add up to 二's changes of the incomes (the outline's items of each). */
    private static void changesThree(CheckContext ctx) {
        Set<String> expense = itemKeys(ctx, "expense.total"), income = itemKeys(ctx, "income.total");
        List<TextFact> three = facts(ctx, f -> in(ctx, f, "expense.total") && f.kind() == FactKind.CHANGE && expense.contains(f.key()));
        List<TextFact> two = facts(ctx, f -> in(ctx, f, "income.total") && f.kind() == FactKind.CHANGE && income.contains(f.key()));
        if (three.size() < 2 || two.isEmpty()) return;
        expectSum(ctx, three.get(0), changeSum(three), changeSum(two), three.size() + two.size() - 1, null, "",
                "基本支出与项目支出的增减额之和（" + numeral(ctx, "income.total") + " 各项收入增减额之和）");
    }

    /**
     * 四's amounts against the 财政拨款 summary's cells of their measures (its 收入总计, each budget's income row, each
     * 类 in a budget's column) — the 项 the text lists under a budget against the table its block walks (一般公共预算支出).
     */
    private static void fiscal(CheckContext ctx) {
        DisclosureTable t4 = table(ctx, Role.FISCAL).orElse(null);
        if (t4 == null) return;
        against(ctx, t4, facts(ctx, x -> x.kind() == FactKind.AMOUNT && in(ctx, x, "fiscal.total") && money(ctx, x.key()) != null), false);
    }

    // ------------------------------------------------------------------ 五

    /** 五's 拨款合计, 基本支出, 项目支出 against the 一般公共预算 spending table's cells of those measures. */
    private static void gpbTotals(CheckContext ctx) {
        table(ctx, Role.GPB).ifPresent(t -> against(ctx, t, amountsIn(ctx, "gpb.total"), false));
    }

    private static void gpbClasses(CheckContext ctx) {
        DisclosureTable t5 = table(ctx, Role.GPB).orElse(null);
        if (t5 == null) return;
        List<TextFact> stated = facts(ctx, x -> x.key().startsWith("gpb.class:") && x.kind() == FactKind.AMOUNT);
        if (stated.isEmpty()) return;
        Set<String> seen = new LinkedHashSet<>();
        for (TextFact f : stated) seen.add(f.key().substring("gpb.class:".length()));
        against(ctx, t5, stated, false);
        for (Row r : t5.rows()) {
            if (r.kind() == RowKind.CLASS && r.code().length() == 3 && ctx.textCell(r, 0).signum() != 0 && !seen.contains(r.code())) {
                ctx.report(ctx.currentSeverity(), t5.no(), r.code(), "", "列举", stated.get(0).section(), p(ctx.textCell(r, 0)), null,
                        "第三部分" + stated.get(0).section() + stated.get(0).part() + "没有列出" + t5.mark() + " 的类 " + r.code() + " " + r.name() + "（" + p(ctx.textCell(r, 0)) + unit(ctx) + "）");
            }
        }
    }

    private static void gpbItems(CheckContext ctx) {
        DisclosureTable t5 = table(ctx, Role.GPB).orElse(null);
        if (t5 == null) return;
        against(ctx, t5, facts(ctx, x -> x.key().startsWith("gpb.item:") && x.kind() == FactKind.AMOUNT), false);
    }

    private static void gpbItemsListed(CheckContext ctx) {
        DisclosureTable t5 = table(ctx, Role.GPB).orElse(null);
        if (t5 == null) return;
        List<TextFact> stated = facts(ctx, x -> x.key().startsWith("gpb.item:") && x.kind() == FactKind.AMOUNT);
        if (stated.isEmpty()) return;
        Set<String> seen = stated.stream().map(f -> f.key().substring("gpb.item:".length())).collect(Collectors.toSet());
        for (Row r : t5.rows()) {
            if (r.kind() == RowKind.CLASS && r.code().length() == 7 && ctx.textCell(r, 0).signum() != 0 && !seen.contains(r.code())) {
                ctx.report(ctx.currentSeverity(), t5.no(), r.code(), "", "列举", stated.get(0).section(), p(ctx.textCell(r, 0)), null,
                        "第三部分" + stated.get(0).section() + stated.get(0).part() + "没有列出" + t5.mark() + " 的项 " + r.code() + " " + r.name() + "（" + p(ctx.textCell(r, 0)) + unit(ctx) + "）");
            }
        }
    }

    /**
     * 五's changes: of its 项 add up to those of 基本支出 and 项目支出, and these to 二's changes of the incomes within 五's
     * money (一般公共预算 and its 上级转移支付: the income items whose measure lies within the measure 五 states first).
     */
    private static void changesFive(CheckContext ctx) {
        Set<String> parts = itemKeys(ctx, "gpb.total"), rows = changedRows(ctx, "gpb.total"), income = itemKeys(ctx, "income.total");
        String whole = sectionTotal(ctx, "gpb.total");
        List<TextFact> one = facts(ctx, f -> in(ctx, f, "gpb.total") && f.kind() == FactKind.CHANGE && parts.contains(f.key()));
        List<TextFact> items = facts(ctx, f -> f.kind() == FactKind.CHANGE && rows.stream().anyMatch(f.key()::startsWith));
        List<TextFact> two = facts(ctx, f -> in(ctx, f, "income.total") && f.kind() == FactKind.CHANGE && income.contains(f.key())
                && within(ctx, f.key(), whole));
        boolean all = !one.isEmpty() && one.size() == parts.size();
        if (all && !items.isEmpty()) {
            expectSum(ctx, items.get(0), changeSum(items), changeSum(one), items.size() + 1, null, "",
                    items.get(0).part() + "各项增减额之和（" + one.get(0).part() + "基本支出与项目支出增减额之和）");
        }
        if (all && !two.isEmpty()) {
            expectSum(ctx, one.get(0), changeSum(one), changeSum(two), 1 + two.size(), null, "",
                    one.get(0).part() + "基本支出与项目支出增减额之和（" + two.get(0).section() + " 一般公共预算与上级转移支付增减额之和）");
        }
    }

    // ------------------------------------------------------------------ 六

    /** 六's 基本支出, 人员经费, 公用经费 against the 一般公共预算 基本支出 table's cells of those measures. */
    private static void basicAmounts(CheckContext ctx) {
        table(ctx, Role.GPB_BASIC).ifPresent(t -> against(ctx, t, amountsIn(ctx, "gpb.basic.personnel"), false));
    }

    private static void basicItems(CheckContext ctx) {
        DisclosureTable t6 = table(ctx, Role.GPB_BASIC).orElse(null);
        if (t6 == null) return;
        for (TextFact f : facts(ctx, x -> in(ctx, x, "gpb.basic.personnel") && x.kind() == FactKind.LIST)) {
            // the column that prints the money whose items the list names (人员经费's, 公用经费's)
            Cell total = cellOf(ctx, t6, f.key()).filter(c -> c.row().kind() == RowKind.TOTAL).orElse(null);
            if (total == null) continue;
            int col = total.column();
            Map<String, Row> expected = new LinkedHashMap<>();
            for (Row r : t6.rows()) {
                if (r.kind() == RowKind.CLASS && r.code().length() == 5 && ctx.textCell(r, col).signum() != 0) expected.put(spelling(r.name()), r);
            }
            Set<String> listed = f.items().stream().map(TextChecks::spelling).collect(Collectors.toCollection(LinkedHashSet::new));
            String column = MeasureChecks.label(total);
            for (Map.Entry<String, Row> e : expected.entrySet()) {
                if (!listed.contains(e.getKey())) {
                    ctx.report(ctx.currentSeverity(), t6.no(), e.getValue().code(), "", column, f.section(), e.getValue().name(), null,
                            "第三部分" + f.section() + " " + column + "主要包括中缺少" + t6.mark() + " 有数的款 " + e.getValue().code() + " " + e.getValue().name());
                }
            }
            for (String l : listed) {
                if (!expected.containsKey(l)) {
                    ctx.report(ctx.currentSeverity(), t6.no(), "", "", column, f.section(), null, l,
                            "第三部分" + f.section() + " " + column + "主要包括“" + l + "”，而" + t6.mark() + " " + column + "中没有该款的金额");
                }
            }
        }
    }

    // ------------------------------------------------------------------ 七 and the projects

    /** 表7's project rows (one per project; a department's projects under their unit). */
    private static List<Row> projects7(CheckContext ctx) {
        return table(ctx, Role.GPB_PROJECTS).map(t -> t.rows(r -> r.kind() == RowKind.PROJECT)).orElse(List.of());
    }

    /** 七's projects: part → name, amount and whether withheld. */
    private record Described(String part, TextFact name, TextFact amount, boolean withheld) {}

    private static List<Described> described(CheckContext ctx) {
        List<Described> out = new ArrayList<>();
        for (TextFact n : of(ctx, "project.name", FactKind.NAME)) {
            TextFact amount = of(ctx, "project.amount", FactKind.AMOUNT).stream().filter(f -> f.part().equals(n.part())).findFirst().orElse(null);
            boolean withheld = keyed(ctx, "project.withheld").stream().anyMatch(f -> f.part().equals(n.part()));
            out.add(new Described(n.part(), n, amount, withheld));
        }
        return out;
    }

    private static String nameOf(TextFact f) {
        return f.items().isEmpty() ? f.subject() : f.items().get(0);
    }

    /**
     * The row of {@code rows} that a printed project name means: the same spelling, else one similar
     * enough (same numbers, most characters in common), preferring the one with the given amount.
     */
    static Row match(List<Row> rows, String name, BigDecimal amount, Function<Row, BigDecimal> valued) {
        String s = spelling(name);
        for (Row r : rows) if (spelling(r.project()).equals(s)) return r;
        Row best = null;
        double bestScore = 0;
        for (Row r : rows) {
            double score = similarity(s, spelling(r.project()), false);
            if (score < 0.75) continue;
            boolean sameAmount = amount != null && CheckContext.textAgrees(amount, valued.apply(r));
            // without the same amount as evidence, most of the LONGER name must be shared too
            if (!sameAmount && similarity(s, spelling(r.project()), true) < 0.75) continue;
            if (sameAmount) score += 1;
            if (score > bestScore) {
                best = r;
                bestScore = score;
            }
        }
        return best;
    }

    /** Longest common subsequence (case-insensitive) over the shorter (or longer) length; 0 when their numbers differ. */
    static double similarity(String a, String b, boolean overLonger) {
        List<String> na = numbers(a), nb = numbers(b);
        List<String> shortN = na.size() <= nb.size() ? na : nb, longN = na.size() <= nb.size() ? nb : na;
        if (!longN.containsAll(shortN)) return 0;
        String x = a.toLowerCase(), y = b.toLowerCase();
        if (Math.min(x.length(), y.length()) < 4) return 0;
        int[][] d = new int[x.length() + 1][y.length() + 1];
        for (int i = 1; i <= x.length(); i++) {
            for (int j = 1; j <= y.length(); j++) {
                d[i][j] = x.charAt(i - 1) == y.charAt(j - 1) ? d[i - 1][j - 1] + 1 : Math.max(d[i - 1][j], d[i][j - 1]);
            }
        }
        int lcs = d[x.length()][y.length()];
        int len = overLonger ? Math.max(x.length(), y.length()) : Math.min(x.length(), y.length());
        return len == 0 || lcs < 4 ? 0 : (double) lcs / len;
    }

    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d+");

    private static List<String> numbers(String s) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = DIGITS.matcher(s);
        while (m.find()) out.add(m.group());
        return out;
    }

    private static void projects(CheckContext ctx) {
        List<Described> desc = described(ctx);
        if (desc.isEmpty()) return;
        List<Row> rows = projects7(ctx);
        Set<Row> covered = new java.util.HashSet<>();
        for (Described d : desc) {
            Row r = match(rows, nameOf(d.name()), d.amount() == null ? null : d.amount().value(), inText(ctx));
            if (r == null) {
                ctx.report(ctx.currentSeverity(), no(ctx, Role.GPB_PROJECTS), "", nameOf(d.name()), "项目", numeral(ctx, "projects"), null, nameOf(d.name()),
                        "第三部分" + numeral(ctx, "projects") + d.part() + " 说明的项目“" + nameOf(d.name()) + "”不在" + mark(ctx, Role.GPB_PROJECTS) + " 中");
            } else {
                covered.add(r);
            }
        }
        for (Row r : rows) {
            if (!covered.contains(r)) {
                ctx.report(ctx.currentSeverity(), no(ctx, Role.GPB_PROJECTS), r.code(), r.project(), "项目", numeral(ctx, "projects"), r.project(), null,
                        mark(ctx, Role.GPB_PROJECTS) + " 的项目“" + r.project() + "”（" + p(ctx.textCell(r, 0)) + unit(ctx) + "）在第三部分" + numeral(ctx, "projects") + " 中没有说明");
            }
        }
    }

    private static void projectAmounts(CheckContext ctx) {
        List<Row> rows = projects7(ctx);
        for (Described d : described(ctx)) {
            if (d.amount() == null) continue;
            Row r = match(rows, nameOf(d.name()), d.amount().value(), inText(ctx));
            if (r == null) continue;
            expect(ctx, d.amount(), ctx.textCell(r, 0), no(ctx, Role.GPB_PROJECTS), r.code(), r.project(), "预算安排规模（" + mark(ctx, Role.GPB_PROJECTS) + "「项目支出合计」）");
        }
    }

    private static void allocSum(CheckContext ctx) {
        for (Described d : described(ctx)) {
            if (d.amount() == null || d.withheld()) continue;
            List<TextFact> items = of(ctx, "project.alloc", FactKind.AMOUNT).stream().filter(f -> f.part().equals(d.part())).toList();
            if (items.isEmpty()) continue;
            BigDecimal sum = BigDecimal.ZERO;
            for (TextFact i : items) sum = sum.add(i.value());
            expectSum(ctx, d.amount(), sum, d.amount().value(), items.size(), null, nameOf(d.name()), "资金分配情况各项之和（预算安排规模）");
        }
    }

    private static void allocThreePublic(CheckContext ctx) {
        DisclosureTable t10 = table(ctx, Role.THREE_PUBLIC).orElse(null);
        if (t10 == null) return;
        // the “三公” table's rows of these measures (of the dictionary), named as the table prints them
        Optional<Cell> reception = cellOfMeasure(ctx, t10, "tpe.reception");
        Optional<Cell> vehicles = cellOfMeasure(ctx, t10, "tpe.vehicle");
        for (TextFact f : facts(ctx, x -> x.key().equals("project.alloc"))) {
            String s = spelling(f.subject());
            Optional<Cell> empty = s.contains("公务接待") && zero(reception) ? reception : s.contains("公务用车") && zero(vehicles) ? vehicles : null;
            if (empty == null) continue;
            String row = empty.map(c -> c.row().name()).orElse(s.contains("公务接待") ? "公务接待费" : "公务用车购置及运行费");
            ctx.report(ctx.currentSeverity(), no(ctx, Role.THREE_PUBLIC), "", "", row, f.section(), "0.00", p(f.value()),
                    where(f) + "：资金分配情况列有“" + f.subject() + "” " + p(f.value()) + unit(ctx) + "，而" + mark(ctx, Role.THREE_PUBLIC) + " " + row + "为空");
        }
    }

    // ------------------------------------------------------------------ 八 九 十一: empty tables

    /**
     * A section the outline writes over a table that may be empty (八 政府性基金, 九 国有资本经营, 十一 上年结转):
     * its numeral, the table (found by its shape and scope, as the outline names it), the fact key of its
     * empty-table sentence and of the total it states, and whether its amounts are compared elsewhere (a
     * carry-over block's are, by X11.carry).
     */
    private record FundSection(String section, DisclosureTable table, String emptyKey, String totalKey, boolean comparedElsewhere) {}

    private static List<FundSection> fundSections(CheckContext ctx) {
        List<FundSection> out = new ArrayList<>();
        for (TextOutline.Section s : ctx.profile().text().outline().sections()) {
            for (TextOutline.Block b : s.blocks()) {
                if (b.table() == null || b.emptyKey().isEmpty()) continue;
                DisclosureTable t = MoneyCells.table(ctx.disclosure(), ctx.profile(), ctx.ref().sources(), b.table()).orElse(null);
                if (t == null) continue;
                String total = b.amounts().isEmpty() ? "" : FactKeys.canonical(b.amounts().get(0).key());
                out.add(new FundSection(s.number(), t, FactKeys.canonical(b.emptyKey()), total, b.kind().equals("carry_over")));
            }
        }
        return out;
    }

    private static boolean hasRows(DisclosureTable t) {
        return !t.empty() && !t.rows().isEmpty();
    }

    private static void emptyClaim(CheckContext ctx) {
        for (FundSection s : fundSections(ctx)) {
            DisclosureTable t = s.table();
            String name = ctx.tableName(t);
            for (TextFact f : of(ctx, s.emptyKey(), FactKind.NAME)) {
                if (hasRows(t)) {
                    ctx.report(ctx.currentSeverity(), t.no(), "", "", "空表", s.section(), p(ctx.textCell(t.total(null).orElse(null), 0)), "为空表",
                            "第三部分" + s.section() + " 说" + name + "为空表，而" + name + "有数（合计 " + p(ctx.textCell(t.total(null).orElse(null), 0)) + unit(ctx) + "）");
                }
            }
            if (s.comparedElsewhere() || s.totalKey().isEmpty()) continue;
            for (TextFact f : facts(ctx, x -> x.key().equals(s.totalKey()) && x.kind() == FactKind.AMOUNT)) {
                expect(ctx, f, ctx.textCell(t.total(null).orElse(null), 0), t.no(), "", "", name + " 合计");
            }
        }
    }

    private static void emptySentence(CheckContext ctx) {
        for (FundSection s : fundSections(ctx)) {
            DisclosureTable t = s.table();
            if (hasRows(t) || text(ctx).section(s.section()).isEmpty()) continue;
            boolean sentence = !of(ctx, s.emptyKey(), FactKind.NAME).isEmpty();
            boolean stated = !facts(ctx, x -> x.section().equals(s.section()) && x.kind() == FactKind.AMOUNT).isEmpty();
            if (!sentence && !stated) {
                ctx.report(ctx.currentSeverity(), t.no(), "", "", "空表", s.section(), "……为空表。", null,
                        ctx.tableName(t) + "为空表，第三部分" + s.section() + " 却没有说明“……为空表。”");
            }
        }
    }

    // ------------------------------------------------------------------ 十 十一 十二

    /** 十's “三公” amounts against the “三公” table's cells of their measures (合计 and each item, in all 财政拨款). */
    private static void threePublic(CheckContext ctx) {
        table(ctx, Role.THREE_PUBLIC).ifPresent(t -> against(ctx, t, amountsIn(ctx, "tpe.total"), false));
    }

    /** 十一's 上年结转结余, 财政拨款, 非财政拨款 against the carry-over table's cells of those measures; each project against its row. */
    private static void carry(CheckContext ctx) {
        DisclosureTable t11 = table(ctx, Role.CARRY).orElse(null);
        if (t11 == null) return;
        against(ctx, t11, amountsIn(ctx, "carry_over"), false);
        List<TextFact> listed = of(ctx, "carry.project", FactKind.AMOUNT);
        if (listed.isEmpty()) return;
        List<Row> rows = t11.rows(r -> r.kind() == RowKind.PROJECT);
        Set<Row> covered = new java.util.HashSet<>();
        for (TextFact f : listed) {
            Row r = match(rows, f.subject(), f.value(), inText(ctx));
            if (r == null) {
                ctx.report(ctx.currentSeverity(), no(ctx, Role.CARRY), "", f.subject(), "项目", f.section(), null, f.subject(),
                        where(f) + "：项目不在" + mark(ctx, Role.CARRY) + " 中");
                continue;
            }
            covered.add(r);
            expect(ctx, f, ctx.textCell(r, 0), no(ctx, Role.CARRY), "", r.project(), mark(ctx, Role.CARRY) + "「" + r.project() + "」总计");
        }
        for (Row r : rows) {
            if (!covered.contains(r)) {
                ctx.report(ctx.currentSeverity(), no(ctx, Role.CARRY), "", r.project(), "项目", numeral(ctx, "carry_over"), p(ctx.textCell(r, 0)), null,
                        mark(ctx, Role.CARRY) + " 的项目“" + r.project() + "”（" + p(ctx.textCell(r, 0)) + unit(ctx) + "）在第三部分" + numeral(ctx, "carry_over") + " 中没有列出");
            }
        }
    }

    /** 机关运行经费 against the 一般公共预算 基本支出 table's cell of the measure the outline states it by (its 公用经费). */
    private static void running(CheckContext ctx) {
        table(ctx, Role.GPB_BASIC).ifPresent(t -> against(ctx, t, of(ctx, "running", FactKind.AMOUNT), false));
    }

    private static void runningTerm(CheckContext ctx) {
        Optional<TextFact> type = one(ctx, "agency.type", FactKind.NAME);
        if (type.isEmpty() || type.get().items().isEmpty()) return;
        TextRules rules = ctx.profile().rules();
        String t = type.get().items().get(0);
        String expected = t.equals("事业") ? rules.runningTermInstitution() : rules.runningTermAdmin();
        for (TextFact f : of(ctx, "running", FactKind.AMOUNT)) {
            if (spelling(f.subject()).equals(spelling(expected))) continue;
            if (!f.subject().contains(rules.runningTermAdmin()) && !f.subject().contains(rules.runningTermInstitution())) continue;
            ctx.report(ctx.currentSeverity(), null, "", "", "名称", f.section(), expected, f.subject(),
                    where(f) + "：本单位为" + t + "单位（" + type.get().sentence() + "），应称“" + expected + "”，文字为“" + f.subject() + "”");
        }
    }

    /** Also the 决算's FT.procurement (the same sentences' facts: proc.*). */
    static void procurement(CheckContext ctx) {
        Optional<TextFact> total = one(ctx, "proc.total", FactKind.AMOUNT);
        if (total.isEmpty()) return;
        List<TextFact> parts = new ArrayList<>();
        for (String k : List.of("proc.goods", "proc.works", "proc.services")) one(ctx, k, FactKind.AMOUNT).ifPresent(parts::add);
        if (!parts.isEmpty()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (TextFact f : parts) sum = sum.add(f.value());
            expectSum(ctx, total.get(), total.get().value(), sum, parts.size(), null, "", "政府采购预算（货物 + 工程 + 服务）");
        }
        Optional<TextFact> sme = one(ctx, "proc.sme", FactKind.AMOUNT);
        Optional<TextFact> micro = one(ctx, "proc.micro", FactKind.AMOUNT);
        if (sme.isPresent() && sme.get().value().compareTo(total.get().value()) > 0) {
            ctx.report(ctx.currentSeverity(), null, "", "", "金额", sme.get().section(), "≤ " + p(total.get().value()), p(sme.get().value()),
                    where(sme.get()) + "：面向中小企业预留 " + p(sme.get().value()) + unit(ctx) + "，超过政府采购预算 " + p(total.get().value()) + unit(ctx));
        }
        if (sme.isPresent() && micro.isPresent() && micro.get().value().compareTo(sme.get().value()) > 0) {
            ctx.report(ctx.currentSeverity(), null, "", "", "金额", micro.get().section(), "≤ " + p(sme.get().value()), p(micro.get().value()),
                    where(micro.get()) + "：小微企业预留 " + p(micro.get().value()) + unit(ctx) + "，超过面向中小企业预留的 " + p(sme.get().value()) + unit(ctx));
        }
    }

    /** Also the 决算's FT.vehicles (assets.vehicle*). */
    static void vehicles(CheckContext ctx) {
        List<String> types = List.of("assets.vehicle.official", "assets.vehicle.enforcement", "assets.vehicle.other");
        for (FactKind k : List.of(FactKind.COUNT, FactKind.AMOUNT)) {
            Optional<TextFact> all = one(ctx, "assets.vehicle", k);
            if (all.isEmpty()) continue;
            BigDecimal sum = BigDecimal.ZERO;
            int n = 0;
            for (String t : types) {
                Optional<TextFact> f = one(ctx, t, k);
                if (f.isPresent()) {
                    sum = sum.add(f.get().value());
                    n++;
                }
            }
            if (n == 0) continue;
            if (k == FactKind.COUNT) {
                if (all.get().value().compareTo(sum) != 0) {
                    ctx.report(ctx.currentSeverity(), null, "", "", "个数", all.get().section(), sum.toPlainString(), all.get().value().toPlainString(),
                            where(all.get()) + "：车辆 " + all.get().value().toPlainString() + "辆，而各类车辆之和为 " + sum.toPlainString() + "辆");
                }
            } else {
                expectSum(ctx, all.get(), all.get().value(), sum, n, null, "", "车辆价值（各类车辆价值之和）");
            }
        }
    }

    private static void perfCounts(CheckContext ctx) {
        DisclosureTable t7 = table(ctx, Role.GPB_PROJECTS).orElse(null);
        if (t7 == null) return;
        List<Row> rows = projects7(ctx);
        for (TextFact f : of(ctx, "perf.fiscal", FactKind.COUNT)) {
            countIs(ctx, f, rows.size(), no(ctx, Role.GPB_PROJECTS), mark(ctx, Role.GPB_PROJECTS) + " 的项目个数");
        }
        against(ctx, t7, of(ctx, "perf.fiscal", FactKind.AMOUNT), false);
        List<Described> withheld = described(ctx).stream().filter(Described::withheld).toList();
        if (!described(ctx).isEmpty()) {
            BigDecimal classified = BigDecimal.ZERO;
            for (Described d : withheld) {
                Row r = match(rows, nameOf(d.name()), d.amount() == null ? null : d.amount().value(), inText(ctx));
                if (r != null) classified = classified.add(ctx.textCell(r, 0));
            }
            for (String key : List.of("perf.classified", "other.classified")) {
                for (TextFact f : of(ctx, key, FactKind.COUNT)) countIs(ctx, f, withheld.size(), no(ctx, Role.GPB_PROJECTS), numeral(ctx, "projects") + "中完全不予公开的项目个数");
                for (TextFact f : of(ctx, key, FactKind.AMOUNT)) expect(ctx, f, classified, no(ctx, Role.GPB_PROJECTS), "", "", "涉密项目金额（" + mark(ctx, Role.GPB_PROJECTS) + " 中这些项目之和）");
            }
        }
        Optional<DisclosureTable> t11 = table(ctx, Role.CARRY);
        if (t11.isPresent()) {
            List<Row> carried = t11.get().rows(r -> r.kind() == RowKind.PROJECT);
            for (TextFact f : of(ctx, "other.carry", FactKind.COUNT)) countIs(ctx, f, carried.size(), no(ctx, Role.CARRY), mark(ctx, Role.CARRY) + " 的项目个数");
            against(ctx, t11.get(), of(ctx, "other.carry", FactKind.AMOUNT), false);
        }
        Optional<DisclosureTable> t1 = table(ctx, Role.SUMMARY);
        Optional<TextFact> overallCount = one(ctx, "perf.overall", FactKind.COUNT);
        if (t1.isPresent() && overallCount.isPresent() && overallCount.get().value().signum() > 0) {
            against(ctx, t1.get(), of(ctx, "perf.overall", FactKind.AMOUNT), false);
        }
    }

    private static void countIs(CheckContext ctx, TextFact f, int expected, int table, String what) {
        if (f.value().compareTo(BigDecimal.valueOf(expected)) == 0) return;
        ctx.report(ctx.currentSeverity(), table, "", "", "个数", f.section(), String.valueOf(expected), f.value().toPlainString(),
                where(f) + "：" + f.value().toPlainString() + "个，而" + what + "为 " + expected);
    }

    private static List<PerformanceTable> projectTables(CheckContext ctx) {
        return text(ctx).performance().stream().filter(t -> t.kind().equals("项目")).toList();
    }

    private static void perfTables(CheckContext ctx) {
        if (text(ctx).performance().isEmpty() && one(ctx, "perf.fiscal", FactKind.COUNT).isEmpty()) return;
        List<Row> rows = projects7(ctx);
        Set<String> withheld = new java.util.HashSet<>();
        for (Described d : described(ctx)) {
            if (!d.withheld()) continue;
            Row r = match(rows, nameOf(d.name()), d.amount() == null ? null : d.amount().value(), inText(ctx));
            if (r != null) withheld.add(r.project());
        }
        Set<Row> covered = new java.util.HashSet<>();
        for (PerformanceTable t : projectTables(ctx)) {
            Row r = match(rows, t.projectName(), t.fiscal(), TextChecks::inTable);
            if (r == null) {
                ctx.report(ctx.currentSeverity(), no(ctx, Role.GPB_PROJECTS), "", t.projectName(), "绩效目标表", numeral(ctx, "performance"), null, t.projectName(),
                        "项目支出绩效目标表“" + t.projectName() + "”对应不到" + mark(ctx, Role.GPB_PROJECTS) + " 的任何项目");
            } else {
                covered.add(r);
            }
        }
        for (Row r : rows) {
            if (covered.contains(r) || withheld.contains(r.project())) continue;
            ctx.report(ctx.currentSeverity(), no(ctx, Role.GPB_PROJECTS), r.code(), r.project(), "绩效目标表", numeral(ctx, "performance"), r.project(), null,
                    mark(ctx, Role.GPB_PROJECTS) + " 的项目“" + r.project() + "”没有项目支出绩效目标表");
        }
    }

    private static void perfAmounts(CheckContext ctx) {
        List<Row> rows = projects7(ctx);
        Optional<DisclosureTable> t1 = table(ctx, Role.SUMMARY);
        for (PerformanceTable t : text(ctx).performance()) {
            if (!t.kind().equals("整体") || t.total() == null || t1.isEmpty()) continue;
            BigDecimal total = printed(t1.get().total(Side.INCOME).orElse(null), 0);
            if (t.total().compareTo(total) != 0) {
                ctx.report(ctx.currentSeverity(), no(ctx, Role.SUMMARY), "", "", "年度预算", numeral(ctx, "performance"), p(total), p(t.total()),
                        "整体绩效目标表：年度预算资金总额 " + p(t.total()) + "万元，而收支总预算（" + mark(ctx, Role.SUMMARY) + " 收入总计）为 " + p(total) + "万元");
            }
        }
        for (PerformanceTable t : projectTables(ctx)) {
            Row r = match(rows, t.projectName(), t.fiscal(), TextChecks::inTable);
            String label = "项目支出绩效目标表“" + t.projectName() + "”";
            if (r != null && t.fiscal() != null && t.fiscal().compareTo(printed(r, 0)) != 0) {
                ctx.report(ctx.currentSeverity(), no(ctx, Role.GPB_PROJECTS), r.code(), r.project(), "财政拨款", numeral(ctx, "performance"), p(printed(r, 0)), p(t.fiscal()),
                        label + "：其中财政拨款 " + p(t.fiscal()) + "万元，" + mark(ctx, Role.GPB_PROJECTS) + " 该项目为 " + p(printed(r, 0)) + "万元");
            }
            if (t.total() != null && t.fiscal() != null) {
                BigDecimal sum = t.fiscal().add(t.other() == null ? BigDecimal.ZERO : t.other());
                if (sum.compareTo(t.total()) != 0) {
                    ctx.report(ctx.currentSeverity(), null, "", t.projectName(), "年度预算总额", numeral(ctx, "performance"), p(sum), p(t.total()),
                            label + "：年度预算总额 " + p(t.total()) + "万元，而财政拨款 + 其他资金 = " + p(sum) + "万元");
                }
            }
        }
    }

    private static void perfWeights(CheckContext ctx) {
        int required = ctx.profile().rules().performanceWeightTotal();
        if (required <= 0) return;
        for (PerformanceTable t : projectTables(ctx)) {
            if (t.indicators().isEmpty()) continue;
            BigDecimal w = t.weightTotal();
            if (w.compareTo(BigDecimal.valueOf(required)) != 0) {
                ctx.report(ctx.currentSeverity(), null, "", t.projectName(), "指标分值权重", numeral(ctx, "performance"), String.valueOf(required), w.stripTrailingZeros().toPlainString(),
                        "项目支出绩效目标表“" + t.projectName() + "”：指标分值权重之和为 " + w.stripTrailingZeros().toPlainString() + "，模板规定为 " + required);
            }
        }
    }

    private static void projectNames(CheckContext ctx) {
        List<Row> rows7 = projects7(ctx);
        if (rows7.isEmpty()) return;
        List<Row> rows11 = table(ctx, Role.CARRY).map(t -> t.rows(r -> r.kind() == RowKind.PROJECT)).orElse(List.of());
        for (Row r : rows11) spelledAs(ctx, rows7, no(ctx, Role.GPB_PROJECTS), r.project(), null, inText(ctx), no(ctx, Role.CARRY), null, mark(ctx, Role.CARRY));
        for (Described d : described(ctx)) spelledAs(ctx, rows7, no(ctx, Role.GPB_PROJECTS), nameOf(d.name()), d.amount() == null ? null : d.amount().value(), inText(ctx), no(ctx, Role.GPB_PROJECTS), numeral(ctx, "projects"), "第三部分" + numeral(ctx, "projects") + d.part());
        for (PerformanceTable t : projectTables(ctx)) spelledAs(ctx, rows7, no(ctx, Role.GPB_PROJECTS), t.projectName(), t.fiscal(), TextChecks::inTable, null, numeral(ctx, "performance"), "项目支出绩效目标表");
        for (TextFact f : of(ctx, "carry.project", FactKind.AMOUNT)) spelledAs(ctx, rows11, no(ctx, Role.CARRY), f.subject(), f.value(), inText(ctx), no(ctx, Role.CARRY), numeral(ctx, "carry_over"), where(f));
    }

    /**
     * A printed project name against the canonical spellings (表7's, or 表11's for 十一): the same
     * spelling is fine; a similar one is the same project spelled differently.
     */
    private static void spelledAs(CheckContext ctx, List<Row> canonical, int canonicalTable, String name, BigDecimal amount,
                                  Function<Row, BigDecimal> valued, Integer table, String section, String place) {
        if (name == null || name.isBlank()) return;
        if (canonical.stream().anyMatch(r -> spelling(r.project()).equals(spelling(name)))) return;
        Row r = match(canonical, name, amount, valued);
        if (r == null) return;
        ctx.report(ctx.currentSeverity(), table, r.code(), r.project(), "项目名称", section,
                r.project(), name, place + " 写作“" + name + "”，表" + canonicalTable + " 写作“" + r.project() + "”");
    }

    private static void unitNames(CheckContext ctx) {
        Set<String> units = new LinkedHashSet<>();
        units.add(spelling(ctx.disclosure().unitName()));
        for (Role n : new Role[]{Role.GPB_PROJECTS, Role.CARRY}) {
            table(ctx, n).ifPresent(t -> t.rows().stream().filter(r -> r.kind() == RowKind.UNIT).forEach(r -> units.add(spelling(r.name()))));
        }
        for (String u : text(ctx).overview().subordinateUnits()) units.add(spelling(u).replaceFirst("[（(]本级[）)]$", ""));
        for (TextFact f : of(ctx, "project.unit", FactKind.NAME)) {
            String u = nameOf(f);
            if (!units.contains(spelling(u))) {
                ctx.report(ctx.currentSeverity(), null, "", "", "项目承担单位", f.section(), ctx.disclosure().unitName(), u,
                        where(f) + "：项目承担单位“" + u + "”不是本文档的单位（或其所属单位）");
            }
        }
        String closing = text(ctx).closingName();
        if (!closing.isBlank() && !units.contains(spelling(closing))) {
            ctx.report(ctx.currentSeverity(), null, "", "", "落款", null, ctx.disclosure().unitName(), closing,
                    "文末落款“" + closing + "”不是本文档的单位“" + ctx.disclosure().unitName() + "”");
        }
        for (PerformanceTable t : text(ctx).performance()) {
            if (t.unitName().isBlank() || units.contains(spelling(t.unitName()))) continue;
            ctx.report(ctx.currentSeverity(), null, "", t.projectName(), "预算单位", numeral(ctx, "performance"), ctx.disclosure().unitName(), t.unitName(),
                    (t.kind().equals("整体") ? "整体绩效目标表" : "项目支出绩效目标表“" + t.projectName() + "”") + "的预算单位写作“"
                            + t.unitName() + "”，不是本文档的单位“" + ctx.disclosure().unitName() + "”");
        }
    }

    // ------------------------------------------------------------------ arithmetic of shares and rates

    private static Optional<TextFact> sibling(CheckContext ctx, TextFact f, FactKind kind) {
        return text(ctx).facts().stream().filter(x -> x.kind() == kind && x.key().equals(f.key()) && x.section().equals(f.section())
                && x.part().equals(f.part())).findFirst();
    }

    /** A block of the outline that states shares ({@code share_of}), with the number of its section. */
    private record Shares(String section, TextOutline.Block block) {}

    /** The block whose items (each) or rows (each_row: gpb.class:201) state the share under this key; null when none does. */
    private static Shares sharesOf(CheckContext ctx, String key) {
        int colon = key.indexOf(':');
        for (TextOutline.Section s : ctx.profile().text().outline().sections()) {
            for (TextOutline.Block b : s.blocks()) {
                if (b.shareOf().isEmpty()) continue;
                boolean states = colon >= 0 ? b.kind().equals("each_row") && b.key().equals(key.substring(0, colon))
                        : b.items().stream().anyMatch(i -> i.key().equals(key));
                if (states) return new Shares(s.number(), b);
            }
        }
        return null;
    }

    /**
     * The whole a share is of, as the outline declares it ({@code share_of}: 二's and 三's total, 五's 类 of gpb): the
     * text's own statement of that measure in the section (收入预算, 支出预算, 拨款合计), else the cell that prints it.
     */
    private static BigDecimal whole(CheckContext ctx, TextFact share) {
        Shares of = sharesOf(ctx, share.key());
        if (of == null) return null;
        String measure = of.block().shareOf();
        Map<String, String> stated = ctx.runFact(Outline.MEASURES, () -> stated(ctx.profile().text().outline()));
        for (TextFact f : facts(ctx, x -> x.kind() == FactKind.AMOUNT && x.section().equals(of.section()) && measure.equals(stated.get(x.key())))) {
            return f.value();
        }
        return ctx.runFact(Outline.INDEX, () -> new MoneyCells.Index(MeasureChecks.cells(ctx), ctx.profile(), ctx.ref().sources()))
                .cell(measure).map(c -> ctx.textCell(c.row(), c.column())).orElse(null);
    }

    private static BigDecimal pct(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 10, RoundingMode.HALF_UP);
    }

    private static BigDecimal r2(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static void shares(CheckContext ctx) {
        for (TextFact s : facts(ctx, f -> f.kind() == FactKind.SHARE)) {
            Optional<TextFact> amount = sibling(ctx, s, FactKind.AMOUNT);
            BigDecimal w = whole(ctx, s);
            if (amount.isEmpty() || w == null) continue;
            BigDecimal a = amount.get().value();
            BigDecimal[] b = shareBounds(a, w);
            arithmetic(ctx, s, b[0], b[1], b[2], "占比（" + p(a) + " ÷ " + p(w) + " × 100）");
        }
    }

    /**
     * The share of the printed amount {@code a} in the printed whole {@code w} — a ÷ w × 100 to two decimals — and
     * the lowest and highest share the amounts' own rounding (half a cent each) allows: {expected, lo, hi}
     * (also the 决算's FT.share).
     */
    static BigDecimal[] shareBounds(BigDecimal a, BigDecimal w) {
        if (w.signum() == 0 || a.signum() == 0) {
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            return new BigDecimal[] {zero, zero, zero};
        }
        return new BigDecimal[] {r2(pct(a, w)),
                pct(a.subtract(HALF_CENT).max(BigDecimal.ZERO), w.add(HALF_CENT)).setScale(2, RoundingMode.FLOOR),
                pct(a.add(HALF_CENT), w.subtract(HALF_CENT)).setScale(2, RoundingMode.CEILING)};
    }

    /** A stated percentage against the recomputed one: equal; within what rounding allows, a notice; else a finding. */
    private static void arithmetic(CheckContext ctx, TextFact f, BigDecimal expected, BigDecimal lo, BigDecimal hi, String what) {
        BigDecimal v = f.value();
        if (v.compareTo(expected) == 0) return;
        boolean rounding = v.compareTo(lo) >= 0 && v.compareTo(hi) <= 0;
        ctx.report(rounding ? Severity.NOTICE : ctx.currentSeverity(), null, "", "", kindLabel(f.kind()), f.section(), p(expected), p(v),
                where(f) + "：" + what + "应为 " + p(expected) + "%，文字为 " + p(v) + "%"
                        + (rounding ? "（按印出的金额计算，差额在四舍五入的允许范围 " + p(lo) + "–" + p(hi) + " 内）" : ""));
    }

    private static void shareSums(CheckContext ctx) {
        // the shares of one block of the outline (二's incomes, 三's 基本/项目, 五's 类) add up to 100
        Map<Shares, List<TextFact>> groups = new LinkedHashMap<>();
        for (TextFact s : facts(ctx, f -> f.kind() == FactKind.SHARE)) {
            Shares g = sharesOf(ctx, s.key());
            if (g != null) groups.computeIfAbsent(g, k -> new ArrayList<>()).add(s);
        }
        for (List<TextFact> g : groups.values()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (TextFact s : g) sum = sum.add(s.value());
            if (sum.signum() == 0) continue;
            BigDecimal diff = sum.subtract(HUNDRED).abs();
            if (diff.signum() == 0) continue;
            long nonZero = g.stream().filter(s -> s.value().signum() != 0).count();
            BigDecimal tol = HALF_CENT.multiply(BigDecimal.valueOf(nonZero));
            boolean rounding = diff.compareTo(tol) <= 0;
            TextFact at = g.get(0);
            ctx.report(rounding ? Severity.NOTICE : ctx.currentSeverity(), null, "", "", "占比", at.section(), "100.00", p(sum),
                    "第三部分" + at.section() + at.part() + " 各项占比之和为 " + p(sum) + "%，应为 100.00%"
                            + (rounding ? "（各占比分别四舍五入，允许相差 " + p(tol) + "）" : ""));
        }
    }

    private static void rates(CheckContext ctx) {
        for (TextFact r : facts(ctx, f -> f.kind() == FactKind.RATE)) {
            Optional<TextFact> change = sibling(ctx, r, FactKind.CHANGE);
            Optional<TextFact> amount = sibling(ctx, r, FactKind.AMOUNT);
            if (change.isEmpty() || amount.isEmpty()) continue;
            BigDecimal a = amount.get().value(), c = change.get().signed();
            BigDecimal last = a.subtract(c);
            BigDecimal expected, lo, hi;
            if (c.signum() == 0) {
                expected = lo = hi = BigDecimal.ZERO.setScale(2);
            } else if (last.abs().compareTo(HALF_CENT) <= 0) {
                expected = lo = hi = HUNDRED.setScale(2); // a new item: 增长 100.00%
            } else {
                expected = r2(pct(c, last).abs());
                BigDecimal min = null, max = null;
                for (BigDecimal da : List.of(HALF_CENT.negate(), HALF_CENT)) {
                    for (BigDecimal dc : List.of(HALF_CENT.negate(), HALF_CENT)) {
                        BigDecimal cc = c.add(dc), l = a.add(da).subtract(cc);
                        if (l.signum() <= 0) continue;
                        BigDecimal v = pct(cc, l).abs();
                        min = min == null || v.compareTo(min) < 0 ? v : min;
                        max = max == null || v.compareTo(max) > 0 ? v : max;
                    }
                }
                lo = min == null ? expected : min.setScale(2, RoundingMode.FLOOR);
                hi = max == null ? expected : max.setScale(2, RoundingMode.CEILING);
            }
            arithmetic(ctx, r, expected, lo, hi, "增减率（" + p(c.abs()) + " ÷ " + p(last) + " × 100）");
        }
    }

    private static void directions(CheckContext ctx) {
        // the profile's direction words (text.change_words / rate_words: 增加/减少, 增长/下降 unless it says otherwise)
        List<String> changeWords = ctx.profile().text().changeWords();
        List<String> rateWords = ctx.profile().text().rateWords();
        String up = changeWords.get(0), down = changeWords.get(1);
        // 增加 more than the amount itself: last year's budget would be negative, so it fell
        for (TextFact c : facts(ctx, f -> f.kind() == FactKind.CHANGE && f.word().equals(up))) {
            Optional<TextFact> amount = sibling(ctx, c, FactKind.AMOUNT);
            if (amount.isEmpty() || c.value().compareTo(amount.get().value().add(HALF_CENT.add(HALF_CENT))) <= 0) continue;
            ctx.report(ctx.currentSeverity(), null, "", "", "增减额", c.section(), down, c.word(),
                    where(c) + "：本年 " + p(amount.get().value()) + unit(ctx) + "，却比上年“" + up + "” " + p(c.value()) + unit(ctx) + "（上年将为负数，应为“" + down + "”）");
        }
        for (TextFact r : facts(ctx, f -> f.kind() == FactKind.RATE)) {
            Optional<TextFact> change = sibling(ctx, r, FactKind.CHANGE);
            if (change.isEmpty()) continue;
            TextFact c = change.get();
            if (c.value().signum() == 0 && r.value().signum() == 0) continue;
            String expected = c.word().equals(up) ? rateWords.get(0) : c.word().equals(down) ? rateWords.get(1) : "";
            if (expected.isEmpty() || r.word().equals(expected)) continue;
            ctx.report(ctx.currentSeverity(), null, "", "", "增减率", r.section(), expected, r.word(),
                    where(r) + "：" + c.word() + " " + p(c.value()) + unit(ctx) + "，增减率却写作“" + r.word() + "”（应为“" + expected + "”）");
        }
    }

    private static void reasons(CheckContext ctx) {
        boolean tpeItemsExplained = !facts(ctx, f -> f.key().startsWith("tpe.") && !f.key().equals("tpe.total")
                && f.kind() == FactKind.CHANGE && !f.reason().isBlank()).isEmpty();
        for (TextFact c : facts(ctx, f -> f.kind() == FactKind.CHANGE && !f.section().equals("第一部分"))) {
            if (c.value().signum() == 0 || !c.reason().isBlank()) continue;
            if (c.key().equals("tpe.total") && tpeItemsExplained) continue; // explained item by item
            ctx.report(ctx.currentSeverity(), null, "", "", "增减额", c.section(), "主要原因", null,
                    where(c) + "：" + c.word() + " " + p(c.value()) + unit(ctx) + "，没有说明主要原因");
        }
    }
}
