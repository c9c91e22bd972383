package org.openbudget.audit.finals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.report.Evidence;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * Published 决算 (部门决算) audited through their profile (docs/final-accounts-audit.md): the 普陀区 财政局's
 * “测试问题版本” — every error put into it found, at its page; the good documents — no error that is not a real
 * slip of theirs; and each 决算 check — a mutation of the good document (its text as the PDF reader rebuilt it, with
 * one figure or word changed) that the check catches, while the unchanged text passes it.
 */
public class FinalAccountsAuditTest {
    static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    static final Path PUTUO = Path.of("../../shared/realdocs/shanghai-putuo");
    static final String GOOD = "2024年度普陀区财政局部门决算.pdf";
    static final String PLANTED = "2024年度普陀区财政局部门决算（测试问题版本）.pdf";

    /** Each PDF audited once per test run (the accuracy test of the real documents reads them too). */
    private static final Map<Path, DocumentAudit.Result> AUDITED = new ConcurrentHashMap<>();

    public static DocumentAudit.Result audited(Path pdf) {
        return AUDITED.computeIfAbsent(pdf.toAbsolutePath().normalize(), p -> DocumentAudit.run(p, LIB));
    }

    private static DocumentAudit.Result putuo(String file) {
        Path pdf = PUTUO.resolve(file);
        assumeTrue(Files.isRegularFile(pdf), "shared/realdocs not present");
        return audited(pdf);
    }

    /** "check-id@page" (or "check-id@表N" for a finding about a whole table), for the findings of at least this severity. */
    private static List<String> where(DocumentAudit.Result a, Severity worst) {
        List<String> out = new ArrayList<>();
        for (Finding f : a.findings()) {
            if (f.severity().compareTo(worst) > 0) continue;
            int page = Evidence.of(a, f).page();
            out.add(f.id() + "@" + (page > 0 ? "p" + page : "表" + f.table()));
        }
        return out;
    }

    @Test
    void everyErrorPutIntoTheTestVersionIsFoundAtItsPage() {
        DocumentAudit.Result a = putuo(PLANTED);
        assertThat(a.disclosure().profileId()).isEqualTo("shanghai-final-2024");
        assertThat(where(a, Severity.WARNING)).containsExactlyInAnyOrder(
                "table-missing@p9",           // 1 支出决算表 not printed (the 目录 lists it): where it would be, after 表2 on p9
                "FT.unit@p7",                 // 2 第二部分 上海市普陀区XX局
                "empty-note@p15",             // 3 “三公” table printed blank (the text states 年初预算 0.95): at its title
                "FT.year@p18",                // 4 第三部分 …2023年度部门决算情况说明
                "FT.total@p18",               // 5 收入支出总计 0 万元
                "FT.change@p18",              // 5 … so its 减少56.95万元 is no 下降1.87%
                "FT.direction@p19",           // 6 行政运行 1511.89 < 1560.05 called 大于
                "FT.direction@p20",           // 7 职业年金 80.38 < 80.81 called 大于
                "FT.direction@p21",           // 8 行政单位医疗 60.99 < 62.29 called 等于
                "FT.year@p24",                // 9 截至2023年12月31日
                "FT.punctuation@p25",         // 12 名词解释 “财政拨款。。”
                "FT.share@p19",               // the good one's own slip, kept: 一般公共服务支出（类）2106.66万元，占71.73% (71.65 %)
                "FT.tpe@p22");                // 3 again, at the text: 七 states 年初预算为0.95万元 against the blank table
    }

    @Test
    void theGoodDocumentsGiveNoErrorButTheirOwnSlips() {
        Path dir = PUTUO;
        assumeTrue(Files.isDirectory(dir), "shared/realdocs not present");
        // 四: 财政拨款收入支出总计0.3万元 (表4: 2,961.68); 五: 一般公共服务支出（类）2106.66万元，占71.73% (÷ 2,940.05: 71.65 %)
        assertThat(where(putuo(GOOD), Severity.ERROR)).containsExactlyInAnyOrder("FT.total@p21", "FT.share@p21");
        // 五: 年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89% (of the 全年预算: none of a 年初 of 0)
        assertThat(where(putuo("2024年度中共普陀区委社会工作部部门决算.pdf"), Severity.ERROR)).containsExactly("FT.completion@p18");
        // 六: 基本支出 5377.64 and 人员经费 4896.98, 12.89 more than 表6's 人员经费合计 4884.09 (+ 公用经费 480.66 = 5364.75)
        assertThat(where(putuo("2024年度普陀区规划和自然资源局部门决算.pdf"), Severity.ERROR)).containsExactly("text-measure@p24", "text-measure@p24");
        // the 0.01 roundings between tables (社会保障和就业支出 326.71 | 326.72) are notices
        assertThat(putuo(GOOD).findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("same-measure");
            assertThat(f.severity()).isEqualTo(Severity.NOTICE);
        });
    }

    /** One line of the good document changed: the first line holding {@code marker} (^: starting with it), its {@code from} replaced by {@code to}. */
    static Stream<Arguments> mutations() {
        return Stream.of(
                m("income-total", "总计\t2,995.39\t总计", "2,995.39\t总计", "2,996.39\t总计"),
                m("expense-total", "本年收入合计\t2,946.25\t本年支出合计", "本年支出合计\t2,940.05", "本年支出合计\t2,941.05"),
                m("F.T1-T2", "类\t款\t项\t合计\t2,946.25", "合计\t2,946.25\t2,940.05", "合计\t2,956.25\t2,950.05"),
                m("F.T1-T3", "类\t款\t项\t合计\t2,940.05\t2,336.91", "合计\t2,940.05\t2,336.91\t603.14", "合计\t2,950.05\t2,346.91\t603.14"),
                m("F.T4.budget", "^总计\t2,961.68", "2,961.68\t2,961.68", "2,961.68\t2,971.68"),
                m("F.T1-T4.carry", "年初财政拨款结转和结余\t21.63", "\t21.63", "\t51.63"),
                m("F.T4-T5", "^合计\t2,940.05\t2,336.91", "合计\t2,940.05", "合计\t2,950.05"),
                m("F.T4-T8", "本年收入合计\t2,940.05\t本年支出合计", "2,940.05\t2,940.05\t", "2,940.05\t2,940.05\t5.00"),
                m("total-sum", "人员经费合计", "2,152.26", "2,162.26"),
                m("row-sum", "0.95\t", "0.95\t", "1.95\t"),
                m("FT.completion", "完成年初预算的98.20%", "98.20%", "97.20%"),
                m("FT.direction", "决算数小于预算数的主要原因：因年度工作计划", "小于", "大于"),
                m("FT.year", "截至2024年12月31日", "2024年", "2023年"),
                m("FT.unit", "第二部分 上海市普陀区财政局2024年度部门决算表", "财政局2024", "XX局2024"),
                m("FT.total", "收入支出总计2995.39万元", "2995.39", "2995.30"),
                m("FT.item", "支出决算为1511.89", "1511.89", "1151.89"),
                m("FT.punctuation", "二、事业收入：", "收入。", "收入。。"),
                m("FT.item", "社会保障和就业支出（类）326.72万元", "326.72", "336.72"),
                m("FT.change", "收入支出总计减少56.95万元", "56.95", "46.95"),
                m("FT.change", "下降2.10%", "2.10%", "3.10%"),
                m("text-measure", "公用经费184.65万元", "184.65", "185.65"),
                m("text-measure", "本年收入合计2946.25万元", "2946.25", "2946.52"),
                m("FT.share", "占11.11%", "11.11%", "12.11%"),
                m("FT.share", "占本年支出合计的100.00%", "100.00%", "99.00%"),
                m("FT.tpe", "年初预算为0.95万元", "0.95", "1.95"),
                m("FT.reason", "决算数小于预算数的主要原因：因年度工作计划", "的主要原因：", "。"));
    }

    private static Arguments m(String check, String marker, String from, String to) {
        return Arguments.of(check, marker, from, to);
    }

    private static List<String> goodLines() {
        return putuo(GOOD).lines();
    }

    private static List<String> errorsOf(List<String> lines) {
        DocumentAudit.Result a = DocumentAudit.run("mutant.txt", String.join("\n", lines).getBytes(StandardCharsets.UTF_8), LIB);
        List<String> out = new ArrayList<>();
        for (Finding f : a.findings()) if (f.severity() != Severity.NOTICE) out.add(f.id());
        return out;
    }

    @ParameterizedTest(name = "{0}: {2} → {3}")
    @MethodSource("mutations")
    void eachCheckCatchesItsMutationAndPassesTheGoodDocument(String check, String marker, String from, String to) {
        List<String> lines = new ArrayList<>(goodLines());
        int at = -1;
        for (int i = 0; i < lines.size() && at < 0; i++) {
            String l = lines.get(i);
            boolean holds = marker.startsWith("^") ? l.startsWith(marker.substring(1)) : l.contains(marker);
            if (holds && l.contains(from)) at = i;
        }
        assertThat(at).as("a line with %s", marker).isGreaterThanOrEqualTo(0);
        long before = GOOD_TEXT_ERRORS.get().stream().filter(check::equals).count();
        // the good document's own slips (四: 0.3万元, 五: 占71.73%) are an FT.total and an FT.share already: the mutant has one more
        assertThat(before).as("the good document, as text").isLessThanOrEqualTo(check.equals("FT.total") || check.equals("FT.share") ? 1 : 0);
        lines.set(at, lines.get(at).replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        assertThat(errorsOf(lines).stream().filter(check::equals).count()).as("line %d: %s", at + 1, lines.get(at)).isGreaterThan(before);
    }

    /** Our 决算 example as our renderer lays it out under the 上海 template (committed fixture; no shared/ needed). */
    static final Path OURS = org.openbudget.audit.testing.PdfFixtures.DIR.resolve("urumqi-sme-center-final-2024.shanghai-final-2024.render.pdf");

    /**
     * The 说明's “三公” details, 政府采购 and 国有资产 of our example, each with one figure changed: the check that holds it
     * catches it, the unchanged text passes it.
     */
    static Stream<Arguments> detailMutations() {
        return Stream.of(
                m("FT.tpe", "公务用车运行维护费年初预算为1.89万元", "1.89", "2.89"),          // against 表7's 预算数 of the item
                m("FT.tpe-detail", "团组0个，累计0人次", "团组0个，累计0人次", "团组2个，累计1人次"), // 人次 below 团组 (and 团组 without 出国费: a warning)
                m("FT.tpe-detail", "外宾接待0批次", "外宾接待0批次", "外宾接待2批次"),           // 外宾 above all receptions
                m("FT.procurement", "服务采购金额3.30万元", "3.30", "4.30"),               // 货物 + 工程 + 服务 ≠ 总额
                m("FT.procurement", "授予中小企业合同金额3.30万元", "3.30", "9.30"),        // 授予中小企业 above the total
                m("FT.vehicles", "一般公务用车1辆", "一般公务用车1辆", "一般公务用车2辆"));     // 车辆 ≠ Σ 各类
    }

    @ParameterizedTest(name = "{0}: {2} → {3}")
    @MethodSource("detailMutations")
    void theThreePublicDetailsProcurementAndAssetsOfOurExampleAreChecked(String check, String marker, String from, String to) {
        List<String> lines = new ArrayList<>(OUR_LINES.get());
        int at = -1;
        for (int i = 0; i < lines.size() && at < 0; i++) if (lines.get(i).contains(marker)) at = i;
        assertThat(at).as("a line with %s", marker).isGreaterThanOrEqualTo(0);
        assertThat(OUR_ERRORS.get()).as("our example, unchanged").doesNotContain(check);
        lines.set(at, lines.get(at).replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        assertThat(errorsOf(lines)).as("line %d: %s", at + 1, lines.get(at)).contains(check);
    }

    private static final java.util.function.Supplier<List<String>> OUR_LINES = memo(() -> audited(OURS).lines());
    private static final java.util.function.Supplier<List<String>> OUR_ERRORS = memo(() -> errorsOf(OUR_LINES.get()));

    /** The good document's findings when audited as text (once). */
    private static final java.util.function.Supplier<List<String>> GOOD_TEXT_ERRORS = memo(() -> errorsOf(goodLines()));

    private static <T> java.util.function.Supplier<T> memo(java.util.function.Supplier<T> s) {
        Object[] box = new Object[1];
        return () -> {
            synchronized (box) {
                if (box[0] == null) box[0] = s.get();
                @SuppressWarnings("unchecked") T t = (T) box[0];
                return t;
            }
        };
    }
}
