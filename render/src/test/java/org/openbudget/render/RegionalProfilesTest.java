package org.openbudget.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.classification.ReferenceData;

import org.openbudget.core.pipeline.Pipeline;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.synthetic.SyntheticBudgets;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.render.layout.BodyRow;
import org.openbudget.render.layout.Cell;
import org.openbudget.render.layout.DocumentView;
import org.openbudget.render.layout.HeaderCell;
import org.openbudget.render.layout.TableView;

/**
 * The five regional profiles (refdata/profiles/{shenzhen,guangzhou,yantai,xian,shanghai}-2026.yaml) derive
 * the examples and synthetic ledgers into their own tables — the titles, marks and columns of the real
 * documents surveyed in docs/templates/ — with no error from the generic checks, in every format; and each
 * shape option they use does what the profile comments say.
 */
class RegionalProfilesTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    private static final Workspace WORKSPACE = new Workspace(LIB);

    /** What a reader of each region's real document finds: marks and titles ({year} filled in), the unit line, the unit. */
    record Expected(String profile, List<String> marks, List<String> titles, String unitLabel, String amountUnit) {}

    static final List<Expected> EXPECTED = List.of(
            new Expected("shenzhen-2026",
                    List.of("表1", "表2", "表3", "表4", "表5", "表6", "表7", "表8", "表9", "表10", "表11"),
                    List.of("收支总表", "收入总表", "支出总表", "基本支出总表", "项目支出总表", "财政拨款收支总表",
                            "一般公共预算支出表（按功能分类）", "一般公共预算支出表（按经济分类）", "财政拨款“三公”经费支出表",
                            "政府性基金预算支出表", "国有资本经营预算支出表"), "部门名称：", "万元"),
            new Expected("guangzhou-2026",
                    List.of("表1", "表2", "表3", "表4", "表5", "表6", "表7", "表8", "表9", "表10", "表11", "表12"),
                    List.of("收支总体情况表", "收入总体情况表", "本年支出总体情况表", "财政拨款收支总体情况表",
                            "一般公共预算支出情况表（按功能分类科目）", "一般公共预算基本支出情况表（按经济分类科目）",
                            "一般公共预算项目支出情况表（按经济分类科目）", "财政拨款安排的行政经费及“三公”经费预算表",
                            "政府性基金预算支出情况表", "国有资本经营预算支出情况表", "部门预算基本支出预算表",
                            "部门预算项目支出及其他支出预算表"), "单位名称：", "万元"),
            new Expected("yantai-2026",
                    List.of("公开表1", "公开表2", "公开表3", "公开表4", "公开表5", "公开表6", "公开表7", "公开表8", "公开表9",
                            "公开表10", "公开表11", "公开表12"),
                    List.of("收支总体情况表", "收入总体情况表", "支出总体情况表", "财政拨款收支总体情况表", "一般公共预算支出情况表",
                            "一般公共预算基本支出情况表", "一般公共预算“三公”经费支出情况表", "政府性基金预算支出情况表",
                            "国有资本经营预算支出情况表", "基本支出预算情况表", "项目支出预算情况表", "政府采购预算表"), "部门（单位）：", "万元"),
            new Expected("xian-2026",
                    List.of("表1", "表2", "表3", "表4", "表5", "表6", "表7", "表8", "表9", "表10", "表11", "表12", "表13"),
                    List.of("部门综合预算收支总表", "部门综合预算收入总表", "部门综合预算支出总表", "部门综合预算财政拨款收支总表",
                            "部门综合预算一般公共预算支出明细表（按支出功能分类科目）", "部门综合预算一般公共预算支出明细表（按支出经济分类科目）",
                            "部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）",
                            "部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）", "部门综合预算政府性基金收支表",
                            "部门综合预算专项业务经费支出表", "部门综合预算财政拨款上年结转资金支出表",
                            "部门综合预算政府采购（资产配置、购买服务）预算表",
                            "部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表"), "", "元"),
            new Expected("shanghai-2026",
                    List.of("", "", "", "", "", "", "", "", ""),
                    List.of("{year}年预算单位财务收支预算总表", "{year}年预算单位收入预算总表", "{year}年预算单位支出预算总表",
                            "{year}年预算单位财政拨款收支预算总表", "{year}年预算单位一般公共预算支出功能分类预算表",
                            "{year}年预算单位政府性基金预算支出功能分类预算表", "{year}年预算单位国有资本经营预算支出功能分类预算表",
                            "{year}年预算单位一般公共预算基本支出部门预算经济分类预算表", "{year}年单位“三公”经费和机关运行经费预算表"),
                    "编制", "元"));

    static Stream<Arguments> profileAndExample() {
        List<Arguments> out = new ArrayList<>();
        for (Expected e : EXPECTED) for (String ex : Fixtures.EXAMPLES) out.add(Arguments.of(e, ex));
        return out.stream();
    }

    private static Workspace.Loaded under(String example, String profile) {
        return WORKSPACE.loaded(Fixtures.load(example).budget(), profile);
    }

    private static List<Finding> errors(Disclosure d, TemplateProfile p, ReferenceData ref) {
        return CheckCatalogue.run(d, p, ref).stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("profileAndExample")
    void theExamplesDeriveIntoTheRegionsTablesWithoutErrorAndRenderInEveryFormat(Expected e, String example) throws IOException {
        Workspace.Loaded l = under(example, e.profile());
        Disclosure d = l.disclosure();
        String year = String.valueOf(d.year());
        assertThat(d.tables()).extracting(DisclosureTable::mark).containsExactlyElementsOf(e.marks());
        assertThat(d.tables()).extracting(DisclosureTable::title)
                .containsExactlyElementsOf(e.titles().stream().map(t -> t.replace("{year}", year)).toList());
        for (DisclosureTable t : d.tables()) {
            assertThat(t.columns()).as("%s columns", t.title()).isEqualTo(l.profile().tableById(t.id()).orElseThrow()
                    .columnLabels().stream().map(c -> c.replace("{year}", year)).toList());
        }
        assertThat(errors(d, l.profile(), l.ref())).as("error findings of the generic checks").isEmpty();

        DocumentView view = new DocumentView(d, l.profile());
        Rendered.everyFormat(view, l.profile().id());
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        Renderers.of(Format.HTML).write(view, html);
        String page = html.toString(StandardCharsets.UTF_8);
        assertThat(page).contains("单位：" + e.amountUnit() + "<");
        for (String title : e.titles()) assertThat(page).contains(title.replace("{year}", year));
        if (!e.unitLabel().isEmpty()) assertThat(view.preparedBy()).startsWith(e.unitLabel()).endsWith(d.unitName());
        else assertThat(view.preparedBy()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void syntheticDepartmentsAndUnitsDeriveWithoutErrorFindings(String profileId) {
        ReferenceData ref = LIB.year(2024);
        TemplateProfile profile = LIB.profile(profileId);
        SyntheticBudgets gen = new SyntheticBudgets(ref, profileId);
        for (int i = 0; i < 4; i++) {
            Budget b = i % 2 == 0 ? gen.department(new Random(i), i, 2 + i, 30, 120) : gen.unit(new Random(i), i, 60);
            Disclosure d = Pipeline.derive(b, ref, profile);
            assertThat(d.tables()).hasSize(profile.tables().size());
            assertThat(errors(d, profile, ref)).as("%s synthetic #%d", profileId, i).isEmpty();
            DisclosureTable summary = d.tables().get(0);
            assertThat(summary.total(Side.INCOME).orElseThrow().value(0))
                    .isEqualByComparingTo(summary.total(Side.EXPENSE).orElseThrow().value(0));
        }
    }

    static Stream<String> profiles() {
        return EXPECTED.stream().map(Expected::profile);
    }

    // ---- the shape options, one by one

    private static TableView table(DocumentView v, String id) {
        for (int i = 0; i < v.disclosure().tables().size(); i++) {
            if (v.disclosure().tables().get(i).id().equals(id)) return v.tables().get(i);
        }
        throw new AssertionError("no table " + id);
    }

    private static DocumentView view(String example, String profile) {
        Workspace.Loaded l = under(example, profile);
        return new DocumentView(l.disclosure(), l.profile());
    }

    @Test
    void zerosPrintAsZeroOnlyWhereTheTemplateSays() {
        TableView shenzhen = table(view("urumqi-sme-center-2024", "shenzhen-2026"), "income");
        TableView yantai = table(view("urumqi-sme-center-2024", "yantai-2026"), "income");
        List<String> sz = shenzhen.rows().get(0).cells().stream().filter(Cell::numeric).map(Cell::text).toList();
        assertThat(sz).contains("0.00").doesNotContain("");
        List<String> yt = yantai.rows().get(0).cells().stream().filter(Cell::numeric).map(Cell::text).toList();
        assertThat(yt).contains("").doesNotContain("0.00");
    }

    @Test
    void amountsInYuanAreTheExactWanTimesTenThousandRoundedWhenPrinted() {
        Workspace.Loaded l = under("urumqi-sme-center-2024", "xian-2026");
        BigDecimal wan = l.disclosure().tables().get(0).total(Side.INCOME).orElseThrow().value(0);
        TableView summary = new DocumentView(l.disclosure(), l.profile()).tables().get(0);
        List<Cell> last = summary.rows().get(summary.rows().size() - 1).cells();
        assertThat(last.get(1).text()).isEqualTo(String.format(java.util.Locale.ROOT, "%,.2f", wan.movePointRight(4)));
        TableView shanghai = new DocumentView(under("urumqi-sme-center-2024", "shanghai-2026").disclosure(),
                LIB.profile("shanghai-2026")).tables().get(0);
        List<Cell> sh = shanghai.rows().get(shanghai.rows().size() - 1).cells();
        assertThat(sh.get(1).text()).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", wan.movePointRight(4).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact()));
    }

    @Test
    void summaryClosingRowsSitSideBySideAtTheBottomAndClassesAreNumberedWithoutCodes() {
        TableView t = table(view("urumqi-industry-it-bureau-2024", "shenzhen-2026"), "summary");
        List<BodyRow> rows = t.rows();
        int n = rows.size();
        assertThat(rows.get(n - 1).cells().get(0).text()).isEqualTo("收入总计");
        assertThat(rows.get(n - 1).cells().get(2).text()).isEqualTo("支出总计");
        assertThat(rows.get(n - 5).cells().get(0).text()).isEqualTo("本年收入合计");
        assertThat(rows.get(n - 5).cells().get(2).text()).isEqualTo("本年支出合计");
        assertThat(rows.get(n - 4).cells().get(0).text()).isEqualTo("上年结余、结转");
        assertThat(rows.get(n - 4).cells().get(2).text()).isEqualTo("结转下年");
        assertThat(rows.get(n - 4).cells().get(3).text()).isEqualTo("0.00");
        // 本年支出合计 = Σ 类 = 支出总计 (a budget carries nothing forward)
        assertThat(rows.get(n - 5).cells().get(3).text()).isEqualTo(rows.get(n - 1).cells().get(3).text());
        assertThat(rows.get(0).cells().get(2).text()).isEqualTo("一、科学技术支出");
        assertThat(rows.get(1).cells().get(2)).extracting(Cell::text, Cell::indent).containsExactly("技术研究与开发", 1);   // 款 under its 类
        assertThat(rows.get(2).cells().get(2)).extracting(Cell::text, Cell::indent).containsExactly("科技成果转化与扩散", 2);  // 项
        assertThat(rows.stream().map(r -> r.cells().get(2).text()).filter(x -> x.matches("^[一二三四五六七八九十]+、.*")).toList())
                .containsExactly("一、科学技术支出", "二、社会保障和就业支出", "三、节能环保支出", "四、资源勘探工业信息等支出", "五、其他支出");
        assertThat(t.header().get(1)).extracting(HeaderCell::text).containsExactly("项目", "2024 年预算数", "项目", "2024 年预算数");
    }

    @Test
    void aTableOfUnitsPrintsTheDepartmentThenEachUnitAndNothingUnderThem() {
        Workspace.Loaded l = under("urumqi-industry-it-bureau-2024", "shenzhen-2026");
        DisclosureTable income = l.disclosure().tables().get(1);
        assertThat(income.rows().get(0).kind()).isEqualTo(RowKind.TOTAL);
        assertThat(income.rows().get(0).name()).isEqualTo(l.disclosure().unitName());   // labels.total: "{unit}"
        List<Row> units = income.rows(r -> r.kind() == RowKind.UNIT);
        assertThat(units).hasSize(income.rows().size() - 1).hasSizeGreaterThan(1);
        BigDecimal sum = units.stream().map(r -> r.value(0)).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(income.rows().get(0).value(0));
        DisclosureTable single = under("urumqi-sme-center-2024", "shenzhen-2026").disclosure().tables().get(1);
        assertThat(single.rows()).singleElement().extracting(Row::kind).isEqualTo(RowKind.TOTAL);
    }

    @Test
    void headersAreLaidOutFromTheColumnsGroups() {
        TableView t = table(view("urumqi-sme-center-2024", "shenzhen-2026"), "income");
        // 预算单位 | 收入总计 | 本年收入 { 财政拨款 {3}, 财政专户管理资金, 单位资金 {5} } | 上年结余、结转, then the column numbers
        assertThat(t.header()).hasSize(4);
        assertThat(t.header().get(0)).containsExactly(HeaderCell.rows("预算单位", 3), HeaderCell.rows("收入总计", 3),
                HeaderCell.cols("本年收入", 9), HeaderCell.rows("上年结余、结转", 3));
        assertThat(t.header().get(1)).containsExactly(HeaderCell.cols("财政拨款", 3), HeaderCell.rows("财政专户管理资金", 2),
                HeaderCell.cols("单位资金", 5));
        assertThat(t.header().get(2)).extracting(HeaderCell::text).containsExactly("一般公共预算拨款", "政府性基金预算拨款",
                "国有资本经营预算拨款", "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入");
        // a column's header: printed instead of its label under a group (三公: the fund under each item)
        TableView tpe = table(view("urumqi-sme-center-2024", "shenzhen-2026"), "three_public");
        assertThat(tpe.header().get(0)).extracting(HeaderCell::text)
                .containsExactly("年度", "总计", "因公出国(境)费", "公务接待费", "公务用车购置及运行维护费");
        assertThat(tpe.header().get(2)).extracting(HeaderCell::text).contains("一般公共预算").doesNotContain("总计一般公共预算");
    }

    @Test
    void aProfilePutsInheritedTablesInItsOwnOrderAndLeavesOutTheOthers() {
        assertThat(LIB.profile("shenzhen-2026").tables().values()).extracting(t -> t.id()).containsExactly("summary", "income",
                "expense", "basic", "projects", "fiscal", "gpb_expense", "gpb_economic", "three_public", "gfb_expense", "soc_expense");
        assertThat(LIB.profile("shanghai-2026").tables().values()).extracting(t -> t.id()).doesNotContain("projects");
        assertThat(LIB.profile("shenzhen-2026").meta().parent()).isEqualTo("national-2016");
    }
}
