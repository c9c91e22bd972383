package org.openbudget.core.check;

import static org.openbudget.core.check.Rule.t;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.profile.MoneyCells;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TextStatements;

/**
 * The text of a 决算 (情况说明) against its own document: the year and the unit its headings and dates name, each total
 * it states against the two-sided summary of the money its measure names (收入支出总计: all money; 财政拨款收入支出总计:
 * 财政拨款), and every "年初预算为A万元，支出决算为B万元" against the 完成率 and the 大于/小于/持平 it states. The facts are
 * keyed, worded and bound to measures as the profile's {@code text.statements} declare ({@link TextStatements}; the 决算
 * text reader reads by them, docs/final-accounts-audit.md) — no key, word or measure of them is written here; a document
 * without them (a budget) gets nothing from these checks. The summaries are found by the money their scope measures,
 * never by a table number.
 */
public final class FinalTextChecks {
    private FinalTextChecks() {}

    /** The ids of these checks (their mutation tests break a published 决算: audit/…/FinalAccountsAuditTest). */
    public static java.util.Set<String> ids() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (Check c : all()) out.add(c.id());
        return out;
    }

    static List<Check> all() {
        return List.of(
                new Rule("FT.year", Severity.ERROR, "决算文字：各部分标题和“截至X年12月31日”所述年度 = 文档的决算年度", t(), FinalTextChecks::year),
                new Rule("FT.unit", Severity.ERROR, "决算文字：各部分标题所述单位 = 文档的单位（如留有“XX局”占位）", t(), FinalTextChecks::unit),
                new Rule("FT.total", Severity.ERROR, "决算文字：收入支出总计 = 收支总表总计；财政拨款收入支出总计 = 财政拨款收支总表总计",
                        t(), FinalTextChecks::totals),
                new Rule("FT.direction", Severity.ERROR, "决算文字：“决算数大于/小于/等于预算数”“持平”与所述年初（全年）预算数、决算数一致",
                        t(), FinalTextChecks::direction),
                new Rule("FT.punctuation", Severity.WARNING, "决算文字：不应有重复的句号（“。。”）等标点错误", t(), FinalTextChecks::punctuation),
                new Rule("FT.completion", Severity.ERROR, "决算文字：完成年初（全年）预算的% = 决算数 ÷ 所述年初（全年）预算数 × 100；该预算数为 0 时不写完成率",
                        t(), FinalTextChecks::completion),
                new Rule("FT.item", Severity.ERROR, "决算文字：“XX（类）XX（款）XX（项）……支出决算为B万元”“XX（类）B万元”之 B = 一般公共预算财政拨款支出决算表该项（款、类）的合计",
                        t(), FinalTextChecks::item),
                new Rule("FT.change", Severity.ERROR, "决算文字：与上年相比“增加（减少）C万元，增长（下降）R%”：增加与增长、减少与下降相应，R = C ÷ 上年数 × 100（上年数 = 所述本年数 ∓ C）",
                        t(), FinalTextChecks::change),
                new Rule("FT.share", Severity.ERROR, "决算文字：“XX万元，占R%” 之 R = 金额 ÷ 模板文字大纲所述总额（share_of，如本年收入合计、本年支出合计、一般公共预算财政拨款支出）× 100，按表中印出之数计算；差额在四舍五入范围内为提示",
                        t(), FinalTextChecks::shares),
                new Rule("FT.procurement", Severity.ERROR, "决算文字：政府采购金额 = 货物 + 工程 + 服务（各数分别四舍五入的差额为提示）；授予中小企业合同金额不超过总额，授予小微企业的不超过中小企业的",
                        t(), TextChecks::procurement),
                new Rule("FT.vehicles", Severity.ERROR, "决算文字：国有资产占用的车辆数 = 各类车辆数之和（价值亦然，如分类列明）", t(), TextChecks::vehicles),
                new Rule("FT.reason", Severity.WARNING, "决算文字：决算数与年初（全年）预算数不同（大于或小于）时，应说明主要原因", t(), FinalTextChecks::reasons),
                new Rule("FT.tpe", Severity.ERROR, "决算文字：“三公”经费及各项所述年初预算数 = 财政拨款“三公”经费支出决算表该项预算数（表空而文字有预算数亦为错）",
                        t(), FinalTextChecks::threePublicBudget),
                new Rule("FT.tpe-detail", Severity.ERROR, "决算文字：“三公”经费的次数：因公出国（境）人次不少于团组数、公务接待人次不少于批次、外宾接待不多于公务接待；"
                        + "团组、公务用车购置数、接待批次与该项决算数同为 0 或同不为 0（不一致为警告）", t(), FinalTextChecks::threePublicDetails));
    }

    private static List<TextFact> facts(CheckContext ctx, String prefix) {
        return ctx.disclosure().text().facts().stream().filter(f -> f.key().startsWith(prefix)).toList();
    }

    /** What the profile's 决算 text states anywhere in 第三部分: its words, keys and measures (text.statements). */
    private static TextStatements declared(CheckContext ctx) {
        return ctx.profile().text().outline().statements();
    }

    /** The facts of a statement the profile declares (none when it declares none). */
    private static List<TextFact> facts(CheckContext ctx, TextStatements.Statement s) {
        return s == null ? List.of() : facts(ctx, s.prefix());
    }

    /** The unit the text states its amounts in (the profile's amount_unit), as a finding writes it after a number. */
    private static String amountUnit(CheckContext ctx) {
        return " " + ctx.profile().text().amountUnit();
    }

    static void year(CheckContext ctx) {
        String want = String.valueOf(ctx.disclosure().year());
        TextStatements st = declared(ctx);
        String headings = declared(ctx).headingKey() + ".year.";
        for (String prefix : st.asOf() == null ? List.of(headings) : List.of(headings, st.asOf().prefix())) {
            boolean asOf = !prefix.equals(headings);
            for (TextFact f : facts(ctx, prefix)) {
                String said = f.items().isEmpty() ? "" : f.items().get(0);
                if (said.equals(want)) continue;
                ctx.report(ctx.currentSeverity(), null, f.key(), "", "", f.section(), want, said,
                        (asOf ? "截至日期" : "标题") + "所述年度为 " + said + "，而文档是 " + want + " 年度决算（“" + shortly(f.sentence()) + "”）");
            }
        }
    }

    static void unit(CheckContext ctx) {
        String want = squeeze(ctx.disclosure().unitName());
        for (TextFact f : facts(ctx, declared(ctx).headingKey() + ".unit.")) {
            String said = f.items().isEmpty() ? "" : f.items().get(0);
            if (squeeze(said).equals(want)) continue;
            ctx.report(ctx.currentSeverity(), null, f.key(), "", "", f.section(), ctx.disclosure().unitName(), said,
                    "标题所述单位为“" + said + "”，而文档的单位是“" + ctx.disclosure().unitName() + "”（“" + shortly(f.sentence()) + "”）");
        }
    }

    static void totals(CheckContext ctx) {
        for (TextStatements.Statement s : declared(ctx).totals()) if (!s.measure().isEmpty()) total(ctx, s.prefix(), s.measure());
    }

    /** Each stated total (of the facts under {@code prefix}) against the income total of the profile's summary whose money is {@code measure}. */
    private static void total(CheckContext ctx, String prefix, String measure) {
        List<TextFact> stated = facts(ctx, prefix);
        if (stated.isEmpty() || ctx.profile().measures().find(measure).isEmpty()) return;
        Optional<TableTemplate> tpl = MoneyCells.summary(ctx.profile(), ctx.ref().sources(), measure);
        if (tpl.isEmpty()) return;
        Optional<DisclosureTable> table = ctx.table(tpl.get().no());
        if (table.isEmpty()) return;
        Optional<Row> total = ctx.total(table.get(), Side.INCOME);
        if (total.isEmpty()) return;
        BigDecimal printed = ctx.textCell(total.get(), 0);
        for (TextFact f : stated) {
            if (CheckContext.textAgrees(f.value(), printed)) continue;
            ctx.report(ctx.currentSeverity(), null, f.key(), "", "", f.section(), printed.toPlainString(), f.value().toPlainString(),
                    "第三部分" + f.section() + " " + f.subject() + "为 " + f.value().toPlainString() + amountUnit(ctx) + "，而" + ctx.tableName(table.get())
                            + "总计为 " + printed.toPlainString() + CheckContext.textPrecision(printed) + "（“" + shortly(f.sentence()) + "”）");
        }
    }

    /** The statements against the 年初预算 and against the 全年预算 (the adjusted budget), each with the name of its budget. */
    private static List<java.util.Map.Entry<String, TextFact>> statements(CheckContext ctx) {
        List<java.util.Map.Entry<String, TextFact>> out = new java.util.ArrayList<>();
        TextStatements.Against against = declared(ctx).against();
        if (against == null) return out;
        for (TextStatements.Basis b : against.budgets()) for (TextFact f : facts(ctx, b.prefix())) out.add(java.util.Map.entry(b.name(), f));
        return out;
    }

    static void direction(CheckContext ctx) {
        TextStatements.Against words = declared(ctx).against();
        for (var s : statements(ctx)) {
            TextFact f = s.getValue();
            if (f.word().isEmpty() || f.items().isEmpty()) continue;
            BigDecimal budget = new BigDecimal(f.items().get(0));
            int c = f.value().compareTo(budget);
            String right = words.word(c);
            boolean level = f.word().equals(words.level());
            boolean ok = f.word().equals(right) || c == 0 && level;
            if (ok) continue;
            ctx.report(ctx.currentSeverity(), null, f.key(), "", "", f.section(), "决算数" + right + "预算数",
                    level ? words.level() : "决算数" + f.word() + "预算数",
                    "第三部分" + f.section() + "：" + s.getKey() + " " + budget.toPlainString() + amountUnit(ctx) + "、决算 " + f.value().toPlainString() + amountUnit(ctx) + "，应为“决算数"
                            + right + "预算数”，文字却写“" + (level ? words.level() : "决算数" + f.word() + "预算数") + "”（“" + shortly(f.sentence()) + "”）");
        }
    }

    static void completion(CheckContext ctx) {
        for (var s : statements(ctx)) {
            TextFact f = s.getValue();
            if (f.items().size() < 2) continue;
            BigDecimal budget = new BigDecimal(f.items().get(0));
            BigDecimal rate = new BigDecimal(f.items().get(1));
            if (budget.signum() == 0) {
                ctx.report(ctx.currentSeverity(), null, f.key(), "", "", f.section(), "不写完成率（说明" + s.getKey() + "为 0）", rate.toPlainString() + "%",
                        "第三部分" + f.section() + "：" + s.getKey() + "为 0，不应写“完成" + s.getKey() + "的" + rate.toPlainString() + "%”（“" + shortly(f.sentence()) + "”）");
                continue;
            }
            // the rate of the printed amounts, each half a cent either way, rounded as printed
            BigDecimal exact = f.value().multiply(BigDecimal.valueOf(100)).divide(budget, 6, RoundingMode.HALF_UP);
            int decimals = Math.max(0, rate.scale());
            Severity severity = rateOff(ctx, exact, rate, new BigDecimal("0.005").multiply(BigDecimal.valueOf(100)).divide(budget, 6, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(2)));
            if (severity == null) continue;
            ctx.report(severity, null, f.key(), "", "", f.section(), exact.setScale(Math.max(2, decimals), RoundingMode.HALF_UP).toPlainString() + "%",
                    rate.toPlainString() + "%", "第三部分" + f.section() + "：完成" + s.getKey() + "的 " + rate.toPlainString() + "%，而 " + f.value().toPlainString()
                            + " ÷ " + budget.toPlainString() + " = " + exact.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%（“" + shortly(f.sentence()) + "”）");
        }
    }

    /**
     * Each change from the year before the text states ("与2023年度相比，收入支出总计减少56.95万元，下降1.87%") against the
     * amount of the year it is about: 增加 goes with 增长 and 减少 with 下降, and the rate is the change over the year
     * before's amount (this year's less the increase, or plus the decrease) — none on a year before of nothing.
     */
    static void change(CheckContext ctx) {
        List<String> changeWords = ctx.profile().text().changeWords(), rateWords = ctx.profile().text().rateWords();
        for (TextFact f : facts(ctx, declared(ctx).change())) {
            if (f.items().size() < 3 || f.value() == null) continue;
            BigDecimal change = new BigDecimal(f.items().get(0));
            BigDecimal rate = new BigDecimal(f.items().get(1));
            String rateWord = f.items().get(2);
            boolean up = f.word().equals(changeWords.get(0));
            if (up != rateWord.equals(rateWords.get(0))) {
                ctx.report(ctx.currentSeverity(), null, f.key(), "", "", f.section(), rateWords.get(up ? 0 : 1), rateWord,
                        "第三部分" + f.section() + "：" + f.word() + " " + change.toPlainString() + amountUnit(ctx) + "，却写“" + rateWord + rate.toPlainString() + "%”（“" + shortly(f.sentence()) + "”）");
                continue;
            }
            BigDecimal before = up ? f.value().subtract(change) : f.value().add(change);
            if (before.signum() <= 0) {
                // the amounts agree; the wording does not (a rate over nothing): a warning
                ctx.report(Severity.WARNING, null, f.key(), "", "", f.section(), "上年数为 " + before.toPlainString() + "，不写增减率",
                        rateWord + rate.toPlainString() + "%", "第三部分" + f.section() + "：本年 " + f.value().toPlainString() + amountUnit(ctx) + "、" + f.word() + " "
                                + change.toPlainString() + amountUnit(ctx) + "，上年为 " + before.toPlainString() + "，不应写“" + rateWord + rate.toPlainString() + "%”（“" + shortly(f.sentence()) + "”）");
                continue;
            }
            BigDecimal exact = change.multiply(BigDecimal.valueOf(100)).divide(before, 6, RoundingMode.HALF_UP);
            int decimals = Math.max(0, rate.scale());
            // the printed amounts each half a cent either way (the change is two of them), the rate rounded as printed
            Severity severity = rateOff(ctx, exact, rate, new BigDecimal("0.01").multiply(BigDecimal.valueOf(100)).divide(before, 6, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(2)));
            if (severity == null) continue;
            ctx.report(severity, null, f.key(), "", "", f.section(), exact.setScale(Math.max(2, decimals), RoundingMode.HALF_UP).toPlainString() + "%",
                    rate.toPlainString() + "%", "第三部分" + f.section() + "：" + f.subject() + "本年 " + f.value().toPlainString() + amountUnit(ctx) + "、" + f.word() + " "
                            + change.toPlainString() + amountUnit(ctx) + "，" + rateWord + "应为 " + change.toPlainString() + " ÷ " + before.toPlainString() + " = "
                            + exact.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%，文字却写 " + rate.toPlainString() + "%（“" + shortly(f.sentence()) + "”）");
        }
    }

    /**
     * A printed rate against the rate of the printed amounts: null within what rounding allows (half a unit of the
     * rate's last printed decimal, plus {@code amountSlack}, what the amounts' own rounding moves it); a notice within
     * one unit more (rounded another way: 95.457% printed 95.45%); else the check's severity.
     */
    private static Severity rateOff(CheckContext ctx, BigDecimal exact, BigDecimal rate, BigDecimal amountSlack) {
        BigDecimal unit = BigDecimal.ONE.movePointLeft(Math.max(0, rate.scale()));
        BigDecimal slack = unit.multiply(new BigDecimal("0.5")).add(amountSlack);
        BigDecimal off = exact.subtract(rate).abs();
        if (off.compareTo(slack) <= 0) return null;
        return off.compareTo(slack.add(unit)) <= 0 ? Severity.NOTICE : ctx.currentSeverity();
    }

    /**
     * Each share the text states ("一般公共服务支出（类）2106.66万元，占71.73%") against the share of its amount in the whole
     * the profile's outline declares for it ({@code share_of} of the section's block: 二's 本年收入合计, 三's 本年支出合计, 五's
     * 本年支出合计 and 一般公共预算财政拨款支出), as printed in the tables: the arithmetic of the budget text's shares
     * ({@link TextChecks#shareBounds}), a difference the amounts' rounding allows a notice. A share whose section
     * declares no whole (七's “三公” items) is not checked here.
     */
    static void shares(CheckContext ctx) {
        List<TextFact> stated = facts(ctx, declared(ctx).share());
        if (stated.isEmpty()) return;
        org.openbudget.core.profile.TextOutline outline = ctx.profile().text().outline();
        MoneyCells.Index cells = null;
        for (TextFact f : stated) {
            if (f.items().isEmpty() || f.value() == null) continue;
            String of = shareOf(outline, f);
            if (of == null) continue;
            if (cells == null) cells = new MoneyCells.Index(MeasureChecks.cells(ctx), ctx.profile(), ctx.ref().sources());
            MoneyCells.Cell cell = cells.cell(of).orElse(null);
            if (cell == null) continue;
            BigDecimal whole = ctx.textCell(cell.row(), cell.column());
            // a whole of nothing has no shares (the amounts against that cell are text-measure's)
            if (whole.signum() == 0) continue;
            BigDecimal amount = new BigDecimal(f.items().get(0));
            BigDecimal[] b = TextChecks.shareBounds(amount, whole);
            if (f.value().compareTo(b[0]) == 0) continue;
            boolean rounding = f.value().compareTo(b[1]) >= 0 && f.value().compareTo(b[2]) <= 0;
            String wholeName = ctx.tableName(cell.table()) + "「" + cell.row().label() + "」";
            ctx.report(rounding ? Severity.NOTICE : ctx.currentSeverity(), null, f.key(), "", "占比", f.section(), b[0].toPlainString() + "%",
                    f.value().toPlainString() + "%", "第三部分" + f.section() + " " + f.subject() + "：占比应为 " + amount.toPlainString() + " ÷ "
                            + whole.toPlainString() + "（" + wholeName + "）× 100 = " + b[0].toPlainString() + "%，文字为 " + f.value().toPlainString() + "%"
                            + (rounding ? "（按印出的金额计算，差额在四舍五入的允许范围 " + b[1].toPlainString() + "–" + b[2].toPlainString() + " 内）" : "")
                            + "（“" + shortly(f.sentence()) + "”）");
        }
    }

    /**
     * The whole a stated share is of, as the outline's section of the fact declares it: the {@code share_of} of the block
     * that lists an item of the fact's label ({@code each}), else of the section's block over table rows ({@code each_row},
     * the 类 of 五); null when the section declares none.
     */
    static String shareOf(org.openbudget.core.profile.TextOutline outline, TextFact f) {
        String subject = squeeze(f.subject());
        for (org.openbudget.core.profile.TextOutline.Section s : outline.sections()) {
            if (!s.number().equals(f.section())) continue;
            String byRows = null;
            int rowBlocks = 0;
            for (org.openbudget.core.profile.TextOutline.Block b : s.blocks()) {
                if (b.shareOf().isEmpty()) continue;
                if (b.kind().equals("each")) {
                    for (org.openbudget.core.profile.TextOutline.Item i : b.items()) {
                        if (!i.label().isEmpty() && subject.endsWith(squeeze(i.label()))) return b.shareOf();
                    }
                } else if (b.kind().equals("each_row")) {
                    byRows = b.shareOf();
                    rowBlocks++;
                }
            }
            return rowBlocks == 1 && subject.contains("（类）") ? byRows : null;
        }
        return null;
    }

    /** The 三公 section of the outline: the one with a {@code three_public} block; null when none. */
    private static org.openbudget.core.profile.TextOutline.Section threePublicSection(CheckContext ctx) {
        for (org.openbudget.core.profile.TextOutline.Section s : ctx.profile().text().outline().sections()) {
            for (org.openbudget.core.profile.TextOutline.Block b : s.blocks()) if (b.kind().equals("three_public")) return s;
        }
        return null;
    }

    private static String plain(String subject) {
        return squeeze(subject).replace("财政拨款", "");
    }

    /**
     * Each statement of the 三公 section against its 年初预算 ("“三公”经费财政拨款支出年初预算为0.95万元", "公务接待费年初预算为
     * 0.30万元") — its subject the outline's subject of the section's total or the label of one of its items — against
     * the 预算数 the 三公 table prints for that money (the measure {@code budget.initial &} the item's); a table printed
     * blank while the text states a budget is a finding at the text.
     */
    static void threePublicBudget(CheckContext ctx) {
        org.openbudget.core.profile.TextOutline.Section sec = threePublicSection(ctx);
        if (sec == null) return;
        TextStatements.Against against = declared(ctx).against();
        if (against == null) return;
        List<TextFact> stated = facts(ctx, against.initial().prefix()).stream().filter(f -> f.section().equals(sec.number())).toList();
        if (stated.isEmpty()) return;
        MoneyCells.Index cells = new MoneyCells.Index(MeasureChecks.cells(ctx), ctx.profile(), ctx.ref().sources());
        DisclosureTable table = null;
        for (org.openbudget.core.profile.TextOutline.Block b : sec.blocks()) {
            if (b.table() != null && table == null) table = MoneyCells.table(ctx.disclosure(), ctx.profile(), ctx.ref().sources(), b.table()).orElse(null);
        }
        for (TextFact f : stated) {
            if (f.items().isEmpty()) continue;
            String measure = tpeMeasure(sec, f.subject());
            if (measure == null) continue;
            BigDecimal budget = new BigDecimal(f.items().get(0));
            MoneyCells.Cell cell = budgetCell(ctx, cells.cell(measure).orElse(null), against.initial().measure());
            if (cell == null) {
                // the table is there but prints nothing (no row): its budget is none
                if (table == null || budget.signum() == 0 || table.rows().stream().anyMatch(r -> !r.values().isEmpty())) continue;
                ctx.report(ctx.currentSeverity(), table.no(), f.key(), "", "预算数", f.section(), "0", budget.toPlainString(),
                        "第三部分" + f.section() + " " + f.subject() + "：" + against.initial().name() + "为 " + budget.toPlainString() + amountUnit(ctx) + "，而" + ctx.tableName(table)
                                + "未印任何数（“" + shortly(f.sentence()) + "”）");
                continue;
            }
            BigDecimal printed = ctx.textCell(cell.row(), cell.column());
            if (printed.compareTo(budget) == 0) continue;
            ctx.report(ctx.currentSeverity(), cell.table().no(), f.key(), "", "预算数", f.section(), printed.toPlainString(), budget.toPlainString(),
                    "第三部分" + f.section() + " " + f.subject() + "：" + against.initial().name() + "为 " + budget.toPlainString() + amountUnit(ctx) + "，而" + ctx.tableName(cell.table())
                            + "该项预算数为 " + printed.toPlainString() + "（“" + shortly(f.sentence()) + "”）");
        }
    }

    /**
     * The 预算数 beside a 决算数 cell: the column of the same group (合计, 因公出国（境）费 …) whose measure is the 年初预算数
     * ({@code budget}: the initial budget's of the profile's statements, {@code budget.initial}); null when the table prints none.
     */
    private static MoneyCells.Cell budgetCell(CheckContext ctx, MoneyCells.Cell spent, String budget) {
        if (spent == null) return null;
        TableTemplate tpl = MoneyCells.template(ctx.profile(), spent.table()).orElse(null);
        if (tpl == null || spent.column() >= tpl.columns().size()) return null;
        String group = tpl.columns().get(spent.column()).group();
        for (int c = 0; c < tpl.columns().size() && c < spent.table().columns().size(); c++) {
            var col = tpl.columns().get(c);
            if (c != spent.column() && java.util.Objects.equals(col.group(), group) && col.measure() != null
                    && java.util.Arrays.stream(col.measure().split("&")).map(String::trim).anyMatch(budget::equals)) {
                return new MoneyCells.Cell(spent.table(), spent.row(), c, List.of());
            }
        }
        return null;
    }

    /** The measure of the 三公 money a statement's subject names: an item's label, else the section's total; null when neither. */
    private static String tpeMeasure(org.openbudget.core.profile.TextOutline.Section sec, String subject) {
        String said = plain(subject);
        for (org.openbudget.core.profile.TextOutline.Block b : sec.blocks()) {
            for (org.openbudget.core.profile.TextOutline.Item i : b.items()) {
                if (!i.label().isEmpty() && said.endsWith(plain(i.label()))) return i.measure();
            }
        }
        for (org.openbudget.core.profile.TextOutline.Block b : sec.blocks()) {
            for (org.openbudget.core.profile.TextOutline.Stated a : b.amounts()) {
                if (!a.subject().isEmpty() && !a.measure().isEmpty() && said.endsWith(plain(a.subject()))) return a.measure();
            }
        }
        return null;
    }

    /**
     * The 三公 section's counts (the statements of its {@code three_public} block: fa.tpe.*) against each other and against
     * the money the 三公 table prints, as refdata/measures.yaml declares each statement ({@code at_least}, {@code of}):
     * persons at least groups (batches), 外宾 within all receptions — errors; a count of 0 with money spent, or money of 0
     * with a count, for 因公出国（境）团组, 公务用车购置 and 公务接待批次 — warnings.
     */
    static void threePublicDetails(CheckContext ctx) {
        org.openbudget.core.profile.TextOutline.Section sec = threePublicSection(ctx);
        if (sec == null) return;
        // the counts the block's statements declare, each held to what the dictionary declares of it: the counts it is never
        // below (at_least), the money it counts (of)
        List<org.openbudget.core.measure.Statement> declared = ctx.profile().measures().statements("three_public");
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (org.openbudget.core.measure.Statement st : declared) keys.add(st.key());
        java.util.Map<String, TextFact> count = new java.util.HashMap<>();
        for (TextFact f : ctx.disclosure().text().facts()) {
            if (keys.contains(f.key()) && f.kind() == org.openbudget.core.disclosure.text.FactKind.COUNT && f.value() != null) count.putIfAbsent(f.key(), f);
        }
        if (count.isEmpty()) return;
        for (org.openbudget.core.measure.Statement st : declared) {
            for (String less : st.atLeast()) atLeast(ctx, count.get(st.key()), count.get(less));
        }
        MoneyCells.Index cells = new MoneyCells.Index(MeasureChecks.cells(ctx), ctx.profile(), ctx.ref().sources());
        for (org.openbudget.core.measure.Statement st : declared) {
            TextFact c = count.get(st.key());
            if (c == null || st.of().isEmpty()) continue;
            String measure = null;
            for (org.openbudget.core.profile.TextOutline.Block b : sec.blocks()) {
                for (org.openbudget.core.profile.TextOutline.Item i : b.items()) if (i.measure().endsWith(st.of())) measure = i.measure();
            }
            if (measure == null) continue;
            MoneyCells.Cell cell = cells.cell(measure).orElse(null);
            if (cell == null) continue;
            BigDecimal money = ctx.cell(cell.row(), cell.column());
            if ((c.value().signum() == 0) == (money.signum() == 0)) continue;
            ctx.report(Severity.WARNING, cell.table().no(), c.key(), "", ctx.tableName(cell.table()), c.section(),
                    money.signum() == 0 ? "0" : "> 0", c.value().toPlainString(),
                    "第三部分" + c.section() + " " + c.subject() + "为 " + c.value().toPlainString() + "，而" + ctx.tableName(cell.table()) + "该项决算数为 "
                            + money.toPlainString() + " 万元（“" + shortly(c.sentence()) + "”）");
        }
    }

    /** A count {@code more} that must be at least {@code less} (人次 ≥ 团组): a finding of the check's severity when it is not. */
    private static void atLeast(CheckContext ctx, TextFact more, TextFact less) {
        if (more == null || less == null || more.value().compareTo(less.value()) >= 0) return;
        ctx.report(ctx.currentSeverity(), null, more.key(), "", "个数", more.section(), "≥ " + less.value().toPlainString(), more.value().toPlainString(),
                "第三部分" + more.section() + " " + more.subject() + " " + more.value().toPlainString() + "，少于" + less.subject() + " " + less.value().toPlainString()
                        + "（“" + shortly(more.sentence()) + "”）");
    }

    /** The 类, 款 and 项 names of a subject "1、一般公共服务支出（类）财政事务（款）行政运行（项）", as far as it goes; null when none. */
    static List<String> classPath(String subject) {
        String s = squeeze(subject);
        List<String> names = new java.util.ArrayList<>();
        int from = 0;
        for (String level : List.of("（类）", "（款）", "（项）")) {
            int at = s.indexOf(level, from);
            if (at < 0) break;
            String name = s.substring(from, at);
            // the item's number before its 类 ("1、", "（一）")
            if (names.isEmpty()) name = name.replaceFirst("^(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})[、.．]|^（[0-9一二三四五六七八九十]{1,3}）", "");
            names.add(name);
            from = at + level.length();
        }
        return names.isEmpty() ? null : names;
    }

    /**
     * Each item of the text set against its 年初预算 ("…（类）…（款）…（项）。…年初预算为A万元，支出决算为B万元") states its 决算数
     * B: the 合计 of that 项 (款, 类) in the document's classification table of 一般公共预算财政拨款 spending, found by the
     * names of the item and of the rows above it. An item the table does not list is not checked here.
     */
    static void item(CheckContext ctx) {
        TextStatements st = declared(ctx);
        TextStatements.Statement classes = st.classShare();
        if (classes == null || classes.measure().isEmpty()) return;
        List<TextFact> stated = new java.util.ArrayList<>();
        if (st.against() != null) {
            stated.addAll(facts(ctx, st.against().initial().prefix()));
            // a statement against the 全年预算 only (one against both is checked once, by its 年初预算 twin)
            java.util.Set<String> twins = new java.util.HashSet<>();
            for (TextFact f : stated) twins.add(f.source() + "|" + f.sentence());
            for (TextFact f : facts(ctx, st.against().adjusted().prefix())) if (!twins.contains(f.source() + "|" + f.sentence())) stated.add(f);
        }
        stated.addAll(facts(ctx, classes));
        if (stated.isEmpty()) return;
        DisclosureTable table = null;
        TableTemplate tpl = null;
        for (TableTemplate t : ctx.profile().tables().values()) {
            if (t.shape() == null || t.shape().kind() != org.openbudget.core.profile.TableShape.Kind.CLASSIFICATION
                    || !classes.measure().equals(t.shape().where()) || "economic".equals(t.shape().classification())) continue;
            Optional<DisclosureTable> read = ctx.table(t.no());
            if (read.isPresent() && !read.get().rows().isEmpty()) {
                table = read.get();
                tpl = t;
                break;
            }
        }
        if (table == null) return;
        int column = -1;
        for (int c = 0; c < tpl.columns().size(); c++) if ("total".equals(tpl.columns().get(c).measure())) { column = c; break; }
        if (column < 0) return;
        for (TextFact f : stated) {
            List<String> path = classPath(f.subject());
            if (path == null || f.value() == null) continue;
            Row row = find(table, path);
            if (row == null) continue;
            BigDecimal printed = ctx.textCell(row, column);
            if (CheckContext.textAgrees(f.value(), printed)) continue;
            // a 类's amount a cent off its row: rounded another way (the text's sum of its 项), a notice
            boolean cent = f.key().startsWith(classes.prefix()) && printed.subtract(f.value()).abs().compareTo(new BigDecimal("0.01")) <= 0;
            ctx.report(cent ? Severity.NOTICE : ctx.currentSeverity(), table.no(), row.code(), "", table.columns().get(column), f.section(), printed.toPlainString(), f.value().toPlainString(),
                    "第三部分" + f.section() + " " + String.join("", path) + "：支出决算为 " + f.value().toPlainString() + amountUnit(ctx) + "，而" + ctx.tableName(table)
                            + "「" + row.code() + " " + row.name() + "」合计为 " + printed.toPlainString() + CheckContext.textPrecision(printed) + "（“" + shortly(f.sentence()) + "”）");
        }
    }

    /** The row of the 类 (款, 项) named by {@code path}, each level under the one before; null when the table has none or several. */
    private static Row find(DisclosureTable table, List<String> path) {
        String parent = "";
        Row found = null;
        for (int level = 0; level < path.size(); level++) {
            int length = 3 + 2 * level;
            String name = path.get(level);
            Row match = null;
            for (Row r : table.rows()) {
                if (r.kind() != org.openbudget.core.disclosure.RowKind.CLASS || r.code().length() != length || !r.code().startsWith(parent)) continue;
                if (!squeeze(r.name()).equals(name)) continue;
                if (match != null && !match.code().equals(r.code())) return null;
                match = r;
            }
            if (match == null) return null;
            found = match;
            parent = match.code();
        }
        return found;
    }

    /**
     * Each statement against a budget whose 决算数 differs from it (a rounding's worth is no difference) gives its main
     * reason ("决算数小于预算数的主要原因：…"); one stated against both budgets is asked once.
     */
    static void reasons(CheckContext ctx) {
        java.util.Set<String> asked = new java.util.HashSet<>();
        for (var s : statements(ctx)) {
            TextFact f = s.getValue();
            if (f.items().isEmpty() || f.value() == null || !f.reason().isBlank()) continue;
            if (new BigDecimal(f.items().get(0)).compareTo(f.value()) == 0 || !asked.add(f.source() + "|" + f.sentence())) continue;
            ctx.report(ctx.currentSeverity(), null, f.key(), "", "", f.section(), "主要原因", "",
                    "第三部分" + f.section() + " " + f.subject() + "：" + s.getKey() + " " + new BigDecimal(f.items().get(0)).toPlainString() + amountUnit(ctx) + "、决算 "
                            + f.value().toPlainString() + amountUnit(ctx) + "，未说明差异的主要原因（“" + shortly(f.sentence()) + "”）");
        }
    }

    static void punctuation(CheckContext ctx) {
        for (TextFact f : facts(ctx, "text.double-stop.")) {
            ctx.report(ctx.currentSeverity(), null, f.key(), "", "", f.section(), "。", "。。", "句号重复（“" + shortly(f.sentence()) + "”）");
        }
    }

    private static String squeeze(String s) {
        return s.replaceAll("[\\s\u3000]+", "").replace('(', '（').replace(')', '）');
    }

    private static String shortly(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }
}
