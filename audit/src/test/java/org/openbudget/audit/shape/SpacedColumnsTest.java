package org.openbudget.audit.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * A table in a text laid out by spaces (pdftotext -layout) loses its blank cells, but each amount stays under its
 * column: the rows are placed by where their amounts end, the columns named by the header's words over them. The
 * fixture is 上海交通职业技术学院's 收入预算总表 as pdftotext prints it (事业单位经营收入 filled by no row, its label
 * beside 其他收入's), with a row whose name is wrapped around its amounts as 广州's and 深圳's are.
 */
class SpacedColumnsTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    private static final List<String> TABLE = List.of(
            "                             2026年预算单位收入预算总表",
            "编制单位：上海交通职业技术学院                                                                      单位：元",
            "",
            "                   项目                                          收入预算",
            "",
            "功能分类科目编码                                                                    事业单位",
            "                       功能分类科目名称      合计          财政拨款收入        事业收入                其他收入",
            "类     款    项                                                                经营收入",
            "",
            "205             教育支出               326,658,710   236,893,390   42,865,320          46,900,000",
            "205   03   02   中等职业教育               9,600,000                                      9,600,000",
            "208             社会保障和就业支出           48,817,900    44,691,820    4,126,080",
            "208   05   02   事业单位离退休             13,154,000    13,154,000",
            "                机关事业单位基本养老保险缴",
            "208   05   05" + " ".repeat(23) + "23,622,600    20,871,880    2,750,720",
            "                费支出");

    private static DisclosureTable income(List<String> lines) {
        List<String> doc = new ArrayList<>(lines);
        ShapeReader.Result r = ShapeReader.read(doc, LIB.profile("shanghai-2026"), LIB.year(2026), "上海交通职业技术学院", AgencyKind.UNIT, 2026);
        return r.tables().stream().filter(t -> t.title().contains("收入预算总表")).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
    }

    @Test
    void aRowsAmountsArePlacedUnderTheirColumnsNotFromTheRight() {
        DisclosureTable t = income(TABLE);
        // 合计 | 财政拨款收入 | 事业收入 | 事业单位经营收入 | 其他收入 — in 万元 (the table prints 元)
        assertThat(values(t, "205")).containsExactly("32665.871", "23689.339", "4286.532", null, "4690");
        // the blank 财政拨款收入, 事业收入 and 经营收入 lost: 9,600,000 is under 其他收入, not under 经营收入
        assertThat(values(t, "2050302")).containsExactly("960", null, null, null, "960");
        assertThat(values(t, "208")).containsExactly("4881.79", "4469.182", "412.608", null, null);
        assertThat(values(t, "2080502")).containsExactly("1315.4", "1315.4", null, null, null);
    }

    @Test
    void aNameWrappedAroundItsAmountsIsJoined() {
        DisclosureTable t = income(TABLE);
        Row r = row(t, "2080505");
        assertThat(r.name()).isEqualTo("机关事业单位基本养老保险缴费支出");
        assertThat(values(t, "2080505")).containsExactly("2362.26", "2087.188", "275.072", null, null);
        // the name's lines are no rows of their own
        assertThat(t.rows()).noneMatch(x -> x.name().equals("费支出") || x.name().startsWith("机关事业单位基本养老保险缴") && x.code().isEmpty());
    }

    @Test
    void aPageWhoseAmountsDoNotLineUpIsReadFromTheRightAsBefore() {
        // the same rows with their amounts moved off their columns (no pdftotext prints them so): no column is trusted,
        // the amounts are taken from the right as the plain reading takes them
        List<String> moved = new ArrayList<>(TABLE);
        for (int i = 9; i < moved.size(); i++) moved.set(i, moved.get(i).replaceAll(" {2,}(?=\\d)", i % 2 == 0 ? "     " : "  "));
        DisclosureTable t = income(moved);
        assertThat(values(t, "2050302")).containsExactly(null, null, null, "960", "960");
    }

    /** 上海市戒毒康复中心's 财务收支预算总表 as pdftotext prints it: the two sides side by side, blank cells lost. */
    private static final List<String> SUMMARY = List.of(
            "                                      2026年预算单位财务收支预算总表",
            "编制单位：上海市戒毒康复中心                                                                                  单位：元",
            "",
            "                本年收入                                       本年支出",
            "",
            "                                                                          预算数",
            "",
            "          项目           预算数                   项目                           基本支出",
            "                                                    合计                                         项目支出",
            "                                                                  人员经费           公用经费",
            "",
            "一、财政拨款收入                121,224,000 一、公共安全支出         82,430,239     63,489,719    15,396,520    3,544,000",
            "",
            "  1、一般公共预算              121,224,000 二、社会保障和就业支出      12,565,793     12,488,313       77,480",
            "",
            "  2、政府性基金预算                           三、卫生健康支出        5,257,920      5,257,920",
            "",
            "  3、国有资本经营预算                          四、住房保障支出       20,970,048     20,970,048",
            "",
            "二、事业收入",
            "",
            "         收入总计           121,224,000         支出总计    121,224,000    102,206,000    15,474,000    3,544,000");

    @Test
    void aSummarysTwoSidesArePlacedByWhereTheirWordsAre() {
        DisclosureTable t = table(SUMMARY, "shanghai-2026", 2026, "上海市戒毒康复中心", AgencyKind.UNIT, 2026, "财务收支预算总表", false);
        // the income amount followed by the expense side's label (one space between) is the income side's
        assertThat(values(side(t, "一、财政拨款收入"))).containsExactly("12122.4", null, null, null);
        assertThat(values(side(t, "1、一般公共预算"))).containsExactly("12122.4", null, null, null);
        assertThat(values(side(t, "2、政府性基金预算"))).containsExactly(null, null, null, null);
        // 合计 | 人员经费 | 公用经费 | 项目支出: the blank 公用经费 and 项目支出 stay blank, 77,480 is 公用经费 not 项目支出
        assertThat(values(row(t, "208"))).containsExactly("1256.5793", "1248.8313", "7.748", null);
        assertThat(values(row(t, "210"))).containsExactly("525.792", "525.792", null, null);
        assertThat(values(side(t, "支出总计"))).containsExactly("12122.4", "10220.6", "1547.4", "354.4");
    }

    /** 西安市信访局's 收支总表: income, then three expense blocks (功能分类, 部门经济分类, 政府经济分类) side by side. */
    private static final List<String> BLOCKS = List.of(
            "表1",
            "                                                             部门综合预算收支总表",
            "                                                                                                                                          单位：元",
            "                     收入                                                                         支出",
            "            项目            预算数                支出功能分类科目（按大类）    预算数              部门预算支出经济分类科目（按大类）     预算数              政府预算支出经济分类科目（按大类）   预算数",
            "一、部门预算                    28,384,234.71 一、部门预算                28,384,234.71 一、部门预算                   28,384,234.71 一、部门预算                 28,384,234.71",
            " 1、财政拨款                   28,384,234.71    1、一般公共服务支出         22,669,300.94    1、人员经费和公用经费支出         19,328,114.71    1、机关工资福利支出          17,103,265.51",
            "     (1)一般公共预算拨款          28,384,234.71    2、外交支出                                (1)工资福利支出           17,103,265.51    2、机关商品和服务支出          9,919,499.20",
            "      其中：专项资金列入部门预算的项目       550,000.00    3、国防支出                                (2)商品和服务支出           1,753,379.20    3、机关资本性支出               95,500.00",
            "     (2)政府性基金拨款                            4、公共安全支出                              (3)对个人和家庭的补助           415,970.00    4、机关资本性支出（基本建设）",
            "     (3)国有资本经营预算收入                         5、教育支出                219,800.00      (4)资本性支出                55,500.00    5、对事业单位经常性补助",
            " 2、上级补助收入                                  6、科学技术支出                            2、专项业务经费支出             9,056,120.00    6、对事业单位资本性补助");

    @Test
    void aSummarysSideBySideBlocksAreReadByColumnNotByOrder() {
        DisclosureTable t = table(BLOCKS, "xian-2026", 2026, "西安市信访局", AgencyKind.DEPARTMENT, 2026, "收支总表", false);
        assertThat(values(side(t, "(1)一般公共预算拨款"))).containsExactly("2838.423471");
        // 国防支出 prints no amount: the 部门经济分类 block's 1,753,379.20 beside it is not its
        assertThat(values(row(t, "203"))).containsExactly((String) null);
        assertThat(values(row(t, "205"))).containsExactly("21.98");
        assertThat(values(row(t, "201"))).containsExactly("2266.930094");
        // the income side's label on a line whose other blocks hold amounts stays the income side's
        assertThat(values(side(t, "(2)政府性基金拨款"))).containsExactly((String) null);
        assertThat(t.rows()).noneMatch(x -> x.name().contains("经费") || x.name().contains("机关"));
    }

    @Test
    void aSummarysLabelThatIsARowAsItStandsTakesNoLineBelow() {
        // 其中：专项资金列入部门预算的项目 printed without its amount, starting where (1)一般公共预算拨款 starts: a row of its
        // own (or none), not the wrapped end of a label that is the template's line as it stands
        List<String> lines = new ArrayList<>(BLOCKS);
        lines.set(8, lines.get(8).replace("550,000.00", "          "));
        DisclosureTable t = table(lines, "xian-2026", 2026, "西安市信访局", AgencyKind.DEPARTMENT, 2026, "收支总表", false);
        assertThat(values(side(t, "(1)一般公共预算拨款"))).containsExactly("2838.423471");
    }

    /**
     * 烟台市人民政府办公室's 项目支出预算情况表 as pdftotext prints it, its 合计 letter-spaced ("合   计": two cells in a
     * text laid out by spaces) and the only row on the page with an amount of 单位资金 (93.01, one amount in its column).
     */
    private static final List<String> PROJECTS = List.of(
            "                                                                                                  公开表11",
            "",
            "                              项目支出预算情况表",
            "部门（单位）：烟台市人民政府办公室                                                                                单位：万元",
            "",
            "                                                       财政拨款",
            "                                                                       财政专户管             使用非财政",
            "              项目名称    项目类别   合计                    一般公共预 政府性基金 国有资本经    理资金    单位资金      拨款结余    上年结转",
            "                                        小计           算    预算    营预算",
            "合   计                        5,039.97   4,946.96    4,946.96                     93.01",
            "",
            "国际零碳岛屿合作组织专班经费       其他运转类     155.00     155.00      155.00",
            "",
            "办公室政务运行保障经费          其他运转类     891.00     891.00      891.00",
            "",
            "推进政府职能转变优化营商环境工作经费   其他运转类     300.00     300.00      300.00");

    @Test
    void aLetterSpacedTotalIsTheTotalAndALoneAmountOnALineLaidOutWithTheOthersIsInItsColumn() {
        DisclosureTable t = table(PROJECTS, "yantai-2026", 2026, "烟台市人民政府办公室", AgencyKind.DEPARTMENT, 2026, "项目支出预算情况表", false);
        Row total = total(t);
        assertThat(total.name()).isEqualTo("合计");
        // 合计 | 财政拨款小计 | 一般公共预算 | 政府性基金 | 国有资本 | 财政专户 | 单位资金 | …: 93.01 under 单位资金, not from the right
        assertThat(values(total)).containsExactly("5039.97", "4946.96", "4946.96", null, null, null, "93.01", null, null);
        assertThat(t.rows()).noneMatch(x -> x.name().equals("合") || x.project().equals("计"));
    }

    /**
     * 西安 2021's 一般公共预算支出明细表 as pdftotext prints it: a 项's code at the foot of its cell, on the line below its
     * amounts (with the name's last words: "2013302       事务"), a name wrapped below its amounts ("文化旅游体育与传媒支
     * / 出"), and on the next page a name's first line above a line of amounts alone.
     */
    private static final List<String> FOOT_CODES = List.of(
            "表5",
            "",
            " 2021年部门综合预算一般公共预算支出明细表（按支出功能分类科",
            "             目-不含上年结转）",
            "                                                                                                  单位：元",
            "",
            " 功能科目编码            功能科目名称        合计            人员经费支出           公用经费支出          专项业务经费支出           备注",
            "",
            "              合计              258,596,001.79    21,914,447.48    1,259,954.31    235,421,600.00",
            "",
            "201           一般公共服务支出         48,615,794.92    16,411,840.61    1,239,954.31     30,964,000.00",
            "",
            "      20133        宣传事务        48,615,794.92    16,411,840.61    1,239,954.31     30,964,000.00",
            "",
            "                     行政运行      17,651,794.92    16,411,840.61    1,239,954.31              0.00",
            "2013301",
            "                     一般行政管理    30,964,000.00             0.00           0.00      30,964,000.00",
            "2013302       事务",
            "207           文化旅游体育与传媒支      203,381,600.00             0.00           0.00     203,381,600.00",
            "              出",
            "      20706        新闻出版电影       3,381,600.00             0.00           0.00       3,381,600.00",
            "",
            "                     电影         3,381,600.00             0.00           0.00       3,381,600.00",
            "2070607",
            "\f表5",
            "",
            " 2021年部门综合预算一般公共预算支出明细表（按支出功能分类科",
            "             目-不含上年结转）",
            "                                                                                   单位：元",
            "",
            " 功能科目编码         功能科目名称     合计             人员经费支出          公用经费支出      专项业务经费支出      备注",
            "",
            "                  机关事业单位",
            "                           1,449,977.63    1,449,977.63        0.00         0.00",
            "2080505       基本养老保险缴费支出",
            "                  机关事业单位    724,988.81      724,988.81         0.00         0.00",
            "2080506       职业年金缴费支出");

    @Test
    void aCodePrintedAtTheFootOfItsCellIsItsRowsCode() {
        DisclosureTable t = table(FOOT_CODES, "xian-2026", 2026, "中共西安市委宣传部", AgencyKind.DEPARTMENT, 2021, "按支出功能分类科目", false);
        assertThat(row(t, "2013301").name()).isEqualTo("行政运行");
        assertThat(row(t, "2013302").name()).isEqualTo("一般行政管理事务");
        assertThat(values(t, "2013302")).containsExactly("3096.4", null, null, "3096.4");
        // a name wrapped below its amounts is its own row's, not the next row's
        assertThat(row(t, "207").name()).isEqualTo("文化旅游体育与传媒支出");
        assertThat(row(t, "20706").name()).isEqualTo("新闻出版电影");
        assertThat(row(t, "2070607").name()).isEqualTo("电影");
        assertThat(row(t, "2080505").name()).isEqualTo("机关事业单位基本养老保险缴费支出");
        assertThat(values(t, "2080505")).containsExactly("144.997763", "144.997763", null, null);
        assertThat(row(t, "2080506").name()).isEqualTo("机关事业单位职业年金缴费支出");
        assertThat(t.rows()).noneMatch(x -> x.kind() == org.openbudget.core.disclosure.RowKind.UNIT);
    }

    /**
     * 普陀区财政局's 决算 收入决算表 as pdftotext prints it: the 合计 row's amounts on a line above its label (the header's
     * 类 款 项 between them), a 项's whole name on two lines below its code and amounts.
     */
    private static final List<String> FINAL_INCOME = List.of(
            "                                   收入决算表",
            "",
            "                                                                              单位：万元",
            "",
            "                项目                                                          附属单",
            "                               本年收入合        财政拨款收        上级补助   事业收   经营收         其他收",
            "  支出功能分类                                                                    位上",
            "                     科目名称        计            入           收入     入     入           入",
            "   科目编码                                                                     缴收入",
            "",
            "                                 2,946.25    2,940.05                              6.20",
            " 类   款  项",
            "                     合计",
            "",
            "201             一般公共服务支出         2,112.86     2,106.66                             6.20",
            "208   05   01   行政单位离退休           84.65        84.65",
            "",
            "208   05   05                   160.75       160.75",
            "                机关事业单位基本养老保险",
            "                缴费支出",
            "",
            "208   05   06                    80.38        80.38",
            "                机关事业单位职业年金缴费",
            "                支出",
            "208   05   99   其他行政事业单位养老支出      0.94         0.94");

    @Test
    void aTotalsAmountsAboveItsLabelAndANameBelowItsCodeAreTheirRows() {
        DisclosureTable t = table(FINAL_INCOME, "shanghai-final-2024", 2024, "上海市普陀区财政局", AgencyKind.DEPARTMENT, 2024, "收入决算表", false);
        Row total = total(t);
        assertThat(values(total)).containsExactly("2946.25", "2940.05", null, null, null, null, "6.2");
        assertThat(t.rows()).noneMatch(x -> x.kind() == org.openbudget.core.disclosure.RowKind.UNIT);
        assertThat(row(t, "2080505").name()).isEqualTo("机关事业单位基本养老保险缴费支出");
        assertThat(row(t, "2080506").name()).isEqualTo("机关事业单位职业年金缴费支出");
        assertThat(row(t, "2080599").name()).isEqualTo("其他行政事业单位养老支出");
    }

    /**
     * 普陀区财政局's 决算 支出决算表 as pdftotext prints it: a row's 基本支出 and 项目支出 printed a little higher than its
     * 合计, on a line of their own above the row's line (the 合计 row's on two lines above its label); then the table's
     * last page, without a header, which pdftotext lays out anew: its blank columns gone, its two columns of amounts
     * moved left, no longer under the first page's.
     */
    private static final List<String> FINAL_EXPENSE = List.of(
            "\f                                支出决算表",
            "",
            "                                                                             单位：万元",
            "",
            "                项目                                                           对附属单位",
            "                                本年支出合                 项目支      上缴上级支   经营支",
            "   支出功能分类                                  基本支出                                补",
            "                       科目名称       计                    出         出      出",
            "    科目编码                                                                      助支出",
            "                                           2,336.91   603.14",
            "                                2,940.05",
            " 类    款   项",
            "                        合计",
            "                                           1,503.52   603.14",
            "201             一般公共服务支出        2,106.66",
            "                                           1,503.52   603.14",
            "201   06        财政事务            2,106.66",
            "                                           1,503.52",
            "201   06   01   行政运行            1,511.89               8.37",
            "201   06   02   一般行政管理事务          10.00               10.00",
            "                                                      135.25",
            "201   06   07   信息化建设            135.25",
            "                                                      449.52",
            "201   06   08   财政委托业务支出         449.52",
            "208             社会保障和就业支出        326.72    326.72",
            "208   05        行政事业单位养老支出       326.72    326.72",
            "208   05   01   行政单位离退休           84.65     84.65",
            "",
            "208   05   05                    160.75    160.75",
            "                机关事业单位基本养老保险缴",
            "                费支出",
            "",
            "208   05   06                     80.38     80.38",
            "                机关事业单位职业年金缴费支",
            "                出",
            "\f208   05   99   其他行政事业单位养老支出     0.94     0.94",
            "210             卫生健康支出          60.99    60.99",
            "210   11        行政事业单位医疗        60.99    60.99",
            "210   11   01   行政单位医疗          60.99    60.99",
            "221             住房保障支出         445.69   445.69",
            "221   02        住房改革支出         445.69   445.69",
            "221   02   01   住房公积金          187.19   187.19",
            "221   02   03   购房补贴           258.50   258.50"
);

    @Test
    void aRowPrintedOverTwoLinesIsOneRowItsAmountsWhereTheyArePrinted() {
        DisclosureTable t = table(FINAL_EXPENSE, "shanghai-final-2024", 2024, "上海市普陀区财政局", AgencyKind.DEPARTMENT, 2024, "支出决算表", true);
        // 本年支出合计 | 基本支出 | 项目支出 | 上缴上级支出 | 经营支出 | 对附属单位补助支出
        assertThat(values(total(t))).containsExactly("2940.05", "2336.91", "603.14", null, null, null);
        assertThat(values(t, "201")).containsExactly("2106.66", "1503.52", "603.14", null, null, null);
        assertThat(values(t, "2010601")).containsExactly("1511.89", "1503.52", "8.37", null, null, null);
        assertThat(values(t, "2010607")).containsExactly("135.25", null, "135.25", null, null, null);
        // the lines of amounts alone are no rows of their own
        assertThat(t.rows()).allMatch(x -> x.kind() == org.openbudget.core.disclosure.RowKind.TOTAL || !x.code().isEmpty());
    }

    @Test
    void aHeaderlessPagesColumnsAreThoseItsSumsAddUpIn() {
        DisclosureTable t = table(FINAL_EXPENSE, "shanghai-final-2024", 2024, "上海市普陀区财政局", AgencyKind.DEPARTMENT, 2024, "支出决算表", true);
        // the last page's two columns are 本年支出合计 and 基本支出 (20805 = Σ its 项, 合计 = Σ 类), not the last two
        assertThat(values(t, "2080599")).containsExactly("0.94", "0.94", null, null, null, null);
        assertThat(values(t, "221")).containsExactly("445.69", "445.69", null, null, null, null);
        assertThat(values(t, "2210203")).containsExactly("258.5", "258.5", null, null, null, null);
    }

    @Test
    void aHeaderlessPageWhoseSumsDoNotSayIsReadFromTheRightAsBefore() {
        // the page's rows without the rows above them that they add up to (no 类/款 of theirs, no total): nothing says
        // which columns it prints, its amounts are taken from the right as before
        List<String> lines = new ArrayList<>(FINAL_EXPENSE.subList(0, 9));
        lines.add("201   06   01   行政运行            1,511.89               8.37");
        lines.add("201   06   02   一般行政管理事务          10.00               10.00");
        lines.add("\f208   05   99   其他行政事业单位养老支出     0.94     0.94");
        DisclosureTable t = table(lines, "shanghai-final-2024", 2024, "上海市普陀区财政局", AgencyKind.DEPARTMENT, 2024, "支出决算表", true);
        assertThat(values(t, "2080599")).containsExactly(null, null, null, null, "0.94", "0.94");
    }

    @Test
    void aLineOfAmountsJoinsTheRowBelowOnlyWhereThatRowLeavesThemBlank() {
        List<String> lines = List.of(
                "                                           1,503.52   603.14",
                "201             一般公共服务支出        2,106.66",
                "                                84.65     84.65",
                "208   05   01   行政单位离退休           84.65     84.65");
        var joined = SpacedColumns.joinSplitRows(lines, 0, lines.size());
        assertThat(joined).containsEntry(0, "").containsEntry(1, "201             一般公共服务支出        2,106.66   1,503.52   603.14");
        // a row of its own: its amounts where the row below prints its own
        assertThat(joined).doesNotContainKeys(2, 3);
    }

    /**
     * 普陀区财政局's 决算 “三公” table as pdftotext prints it: one row, two of its twelve cells filled (合计's 预算数 and
     * 公务接待费's 预算数) — no two amounts in one column, so they make none; the header's last line names each column.
     */
    private static final List<String> FINAL_THREE_PUBLIC = List.of(
            "\f                             财政拨款“三公”经费支出决算表",
            "                                                                           单位：万元",
            "",
            "                                   财政拨款“三公”经费",
            "                                         公务用车购置及运行费",
            "         合计      因公出国（境）费",
            "                                  小计                   公务用车运行费        公务接待费",
            "                                          公务用车购置费",
            "",
            "",
            "预算数       决算数   预算数   决算数   预算数    决算数   预算数    决算数   预算数   决算数   预算数      决算数",
            "",
            "  0.95                                                              0.95"
);

    @Test
    void aRowWhoseAmountsMakeNoColumnIsPlacedUnderItsHeadersWords() {
        DisclosureTable t = table(FINAL_THREE_PUBLIC, "shanghai-final-2024", 2024, "上海市普陀区财政局", AgencyKind.DEPARTMENT, 2024, "“三公”经费支出决算表", false);
        Row r = t.rows().get(0);
        // 合计 预算数 | 决算数 | 出国 预算数 | 决算数 | 车 小计 ×2 | 购置 ×2 | 运行 ×2 | 接待 预算数 | 决算数
        assertThat(values(r)).containsExactly("0.95", null, null, null, null, null, null, null, null, null, "0.95", null);
    }

    /**
     * 上海科技大学附属学校's 表9 (“三公”经费和机关运行经费预算表) as pdftotext prints it: one row without a label, its
     * blank cells lost and two of them printed as whole zeros in a table of two decimals — the zeros make no column
     * (three amounts with decimals make three), they stand under 小计 and 机关运行经费预算数.
     */
    private static final List<String> WHOLE_ZEROS = List.of(
            "\f                     2026年单位“三公”经费和机关运行经费预算表",
            "",
            "编制单位：上海科技大学附属学校                                                        单位:万元",
            "",
            "",
            "                               “三公”经费预算数",
            "                                                                    机关运行经费预算",
            "                                                 公务用车购置及运行费",
            "   合计          因公出国(境)费      公务接待费                                      数",
            "                                            小计       购置费      运行费",
            "",
            "        7.20          6.00           1.20        0                         0",
            "                             其他相关情况说明");

    @Test
    void wholeZerosUnderTheHeadersColumnsAreAmountsOfTheirColumns() {
        DisclosureTable t = table(WHOLE_ZEROS, "shanghai-2026", 2026, "上海科技大学附属学校", AgencyKind.UNIT, 2026, "“三公”经费和机关运行经费预算表", false);
        // 合计 | 因公出国(境)费 | 公务接待费 | 车 小计 | 购置费 | 运行费 | 机关运行经费预算数: a zero reads as a blank cell
        assertThat(values(total(t))).containsExactly("7.2", "6", "1.2", null, null, null, null);
    }

    /**
     * 烟台市统计局's 公开表10 (基本支出预算情况表), its last page as pdftotext prints it: one row (30399), its three amounts
     * in 合计, 小计 and 一般公共预算 — the header's last line is the stub's 类 款 类 款 and a wrapped label's end (余), no
     * column's words.
     */
    private static final List<String> ONE_ROW_UNDER_STUB_WORDS = List.of(
            "\f                                                                                                                   公开表10",
            "",
            "                                                        基本支出预算情况表",
            "部门（单位）：烟台市统计局                                                                                                     单位：万元",
            "",
            "科目编码               科目编码                                                      财政拨款",
            "        部门预算支出经济分类      政府预算支出经济分类                                                          财政专户管          使用非财",
            "            科目              科目                    合计                      一般公共预 政府性基金 国有资本经  理资金    单位资金   政拨款结   上年结转",
            "类     款            类 款                                        小计            算    预算    营预算                  余",
            "",
            "303   99   其他对个人和家庭的补助   509   99   其他对个人和家庭的补助        1.14        1.14      1.14");

    @Test
    void aPageOfOneRowIsNotPlacedByTheStubsHeadings() {
        DisclosureTable t = table(ONE_ROW_UNDER_STUB_WORDS, "yantai-2026", 2026, "烟台市统计局", AgencyKind.DEPARTMENT, 2026, "基本支出预算情况表", false);
        List<String> v = values(row(t, "30399"));
        // 合计 | 小计 | 一般公共预算 — not the columns under 类 款 类 款 余
        assertThat(v.subList(0, 3)).containsOnly("1.14");
        assertThat(v.subList(3, v.size())).containsOnly((String) null);
    }

    /**
     * 中共普陀区委社会工作部's 决算 基本支出表 as pdftotext prints it: 人员经费 and 公用经费 as two panels side by side,
     * names wrapped around their code's line ("机关事业单位基本" / "30108   6.18" / "养老保险缴费"), then the 公用经费 panel
     * alone, a code on its line and its name and amount on the next ("30299" / "其他商品和服务支出   0.20").
     */
    private static final List<String> FINAL_BASIC = List.of(
            "\f                 一般公共预算财政拨款基本支出决算表",
            "                                             单位：万元",
            "经济分类                        经济分类",
            "          科目名称      决算数                   科目名称       决算数",
            "科目编码                        科目编码",
            "301     工资福利支出      95.36   302     商品和服务支出          10.23",
            "30101    基本工资       14.12   30201    办公费              3.78",
            "30102    津贴补贴       39.72   30202    印刷费              0.00",
            "30103    奖金          0.00   30203    咨询费              0.00",
            "30106    伙食补助费       0.00   30204    手续费              0.00",
            "30107    绩效工资       10.16   30205    水费               0.00",
            "         机关事业单位基本",
            "30108                6.18   30206    电费              0.00",
            "        养老保险缴费",
            "30109    职业年金缴费      4.64   30207    邮电费             0.00",
            "         职工基本医疗保险",
            "30110                2.71   30208    取暖费             0.00",
            "        缴费",
            "         公务员医疗补助缴",
            "30111                0.00   30209    物业管理费           0.00",
            "        费",
            "30112    其他社会保障缴费    0.09   30211    差旅费             1.15",
            "30113    住房公积金      17.70   30212    因公出国（境）费用       0.00",
            "30114    医疗费         0.00   30213    维修（护）费          0.02",
            "30199    其他工资福利支出    0.04   30214    租赁费             0.00",
            "303     对个人和家庭的补助    0.00   30215    会议费             0.00",
            "30301    离休费         0.00   30216    培训费             0.00",
            "30302    退休费         0.00   30217    公务接待费           0.00",
            "30303    退职（役）费      0.00   30218    专用材料费           0.00",
            "30304    抚恤金         0.00   30224    被装购置费           0.00",
            "30305    生活补助        0.00   30225    专用燃料费           0.00",
            "30306    救济费         0.00   30226    劳务费             0.68",
            "30307    医疗费补助       0.00   30227    委托业务费           0.48",
            "30308    助学金         0.00   30228    工会经费            0.00",
            "30309    奖励金         0.00   30229    福利费             1.48",
            "30310    个人农业生产补贴    0.00   30231    公务用车运行维护费       0.00",
            "30311    代缴社会保险费     0.00   30239    其他交通费用          2.43",
            "         其他对个人和家庭",
            "30399                0.00   30240    税金及附加费用         0.00",
            "        的补助",
            "                            30299",
            "                                其他商品和服务支出            0.20",
            "                            310资本性支出                 0.00",
            "                            31001",
            "                                房屋建筑物购建              0.00",
            "                            31002",
            "                                办公设备购置               0.00",
            "                            31003",
            "                                专用设备购置               0.00",
            "                                信息 网络 及软件 购置",
            "                         31007                       0.00",
            "                               更新",
            "                         31013  公务用车购置                0.00",
            "                         31019  其他交通工具购置              0.00",
            "                         31021  文物和陈列品购置              0.00",
            "                         31022  无形资产购置                0.00",
            "                         31099  其他资本性支出               0.00",
            "      人员经费合计       95.36       公用经费合计                10.23"
);

    @Test
    void panelsSideBySideArePartedWhereTheHeaderPrintsTheSecondAndTheirWrappedNamesJoined() {
        DisclosureTable t = table(FINAL_BASIC, "shanghai-final-2024", 2024, "中共上海市普陀区委社会工作部", AgencyKind.DEPARTMENT, 2024, "基本支出决算表", false);
        // 人员经费 | 公用经费
        assertThat(row(t, "30108").name()).isEqualTo("机关事业单位基本养老保险缴费");
        assertThat(values(t, "30108")).containsExactly("6.18", null);
        assertThat(row(t, "30110").name()).isEqualTo("职工基本医疗保险缴费");
        assertThat(values(t, "30110")).containsExactly("2.71", null);
        assertThat(row(t, "30399").name()).isEqualTo("其他对个人和家庭的补助");
        // the second panel alone on its lines: still the 公用经费 column
        assertThat(row(t, "30299").name()).isEqualTo("其他商品和服务支出");
        assertThat(values(t, "30299")).containsExactly(null, "0.2");
        assertThat(row(t, "31007").name().replace(" ", "")).isEqualTo("信息网络及软件购置更新");
        assertThat(values(total(t))).containsExactly("95.36", "10.23");
        // 301 = Σ its 款 in 人员经费, 302 in 公用经费 (as printed: each amount rounded, 10.22 of 10.23)
        BigDecimal personnel = t.rows().stream().filter(r -> r.code().startsWith("301") && r.code().length() == 5 && r.value(0) != null)
                .map(r -> r.value(0)).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(personnel).isEqualByComparingTo(row(t, "301").value(0));
        BigDecimal goods = t.rows().stream().filter(r -> r.code().startsWith("302") && r.code().length() == 5 && r.value(1) != null)
                .map(r -> r.value(1)).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(goods.subtract(row(t, "302").value(1)).abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
    }

    /**
     * 普陀区规划和自然资源局's 决算 收入决算表 as pdftotext prints it: names wrapped onto the line below their row only
     * ("机关事业单位基本养老保险缴" / "费支出"), where a name wrapped around its amounts would take the line as its own start.
     */
    private static final List<String> WRAPPED_BELOW = List.of(
            "                                      收入决算表",
            "                                                                           单位：万元",
            "  功能分类                    本年收入合计      财政拨款收入      上级补助收入   事业收入   经营收入          其他收入",
            "  科目编码",
            "            合计              9746.50     9746.50",
            "20805     行政事业单位养老支出         754.75      754.75",
            "",
            "2080502   事业单位离退休             28.11       28.11",
            "",
            "2080505   机关事业单位基本养老保险缴      446.11      446.11",
            "          费支出",
            "2080506   机关事业单位职业年金缴费支      225.12      225.12",
            "          出",
            "2080599   其他行政事业单位养老支出         0.88        0.88");

    @Test
    void aNameWrappedOntoTheLineBetweenTwoRowsIsGivenToTheRowWhoseOfficialNameItCompletes() {
        DisclosureTable t = table(WRAPPED_BELOW, "shanghai-final-2024", 2024, "上海市普陀区规划和自然资源局", AgencyKind.DEPARTMENT, 2024, "收入决算表", true);
        assertThat(row(t, "2080505").name()).isEqualTo("机关事业单位基本养老保险缴费支出");
        assertThat(row(t, "2080506").name()).isEqualTo("机关事业单位职业年金缴费支出");
        assertThat(row(t, "2080599").name()).isEqualTo("其他行政事业单位养老支出");
        assertThat(values(t, "2080506")).containsExactly("225.12", "225.12", null, null, null, null, null);
    }

    /** 上海's 决算 template's 收入决算表: its rows printed blank, a name wrapped around its code's line. */
    static final List<String> BLANK_ROWS = List.of(
            "                                   收入决算表",
            "                                                                  单位：万元",
            "    功能分类                   本年收入合计   财政拨款收入    上级补助收入   事业收入   经营收入          其他收入",
            "    科目编码",
            "",
            "               合计",
            "",
            "207        文化旅游体育与传媒支出",
            "           其他文化旅游体育与传媒支",
            "20799",
            "           出",
            "…",
            "…          …");

    @Test
    void aBlankRowsCodeBetweenTheLinesOfItsNameIsTheRowNotAnAmount() {
        DisclosureTable t = table(BLANK_ROWS, "shanghai-final-2024", 2024, "上海市XX局", AgencyKind.DEPARTMENT, 2024, "收入决算表", true);
        assertThat(row(t, "20799").name()).isEqualTo("其他文化旅游体育与传媒支出");
        assertThat(t.rows()).allMatch(r -> r.values().stream().allMatch(v -> v == null || v.signum() == 0));
    }

    /** 深圳人社's 收入总表: a page's first row, a unit's name wrapped around its line of amounts ("（本级）" below). */
    private static final List<String> WRAPPED_UNIT = List.of(
            "表2",
            "                                                                        收入总表",
            "部门名称：深圳市人力资源和社会保障局                                                                                                                                      单位：万元",
            "",
            "                                 一般公共预算        政府性基金预算 国有资本经营预              资金                    事业单位经营                   附属单位上缴",
            "           单位名称     合计                                                                    事业收入                    上级补助收入                   其他收入",
            "                                   拨款            拨款          算拨款                                    收入                       收入",
            "     深圳市社会保险基金管理局",
            "                     11,429.20     11,209.62          0.00         0.00          0.00      0.00          0.00       0.00          0.00       0.00     219.58",
            "（本级）",
            "     深圳市社会保险基金管理局",
            "                      2,688.17      2,688.17          0.00         0.00          0.00      0.00          0.00       0.00          0.00       0.00         0.00",
            "光明分局");

    @Test
    void aPagesFirstRowTakesItsNamesLineAbove() {
        DisclosureTable t = table(WRAPPED_UNIT, "shenzhen-2026", 2026, "深圳市人力资源和社会保障局", AgencyKind.DEPARTMENT, 2026, "收入总表", true);
        assertThat(t.rows()).extracting(Row::name).containsExactly("深圳市社会保险基金管理局（本级）", "深圳市社会保险基金管理局光明分局");
        assertThat(t.rows().get(0).values().get(0)).isEqualByComparingTo("11429.20");
    }

    /** 烟台's 收入总体情况表 header as pdftotext prints it (烟台市司法局's page). */
    private static final List<String> INCOME_HEADER = List.of(
            "                                                                                                                          公开表2",
            "",
            "                                                                   收入总体情况表",
            "部门（单位）：烟台市司法局                                                                                                            单位：万元",
            "  科目编码                                                   财政拨款收入",
            "                                                                               事业收入 事业单位经",
            "                                                                         财政专户管 （不含教育                 上级补助收 附属单位上 使用非财政",
            "                        科目名称     合计                                                         其他收入                         上年结转",
            "                                                       一般公共预 政府性基金 国有资本经 理资金收入  收费）",
            "                                                                                     营收入               入    缴收入  拨款结余",
            "类     款    项                                小计",
            "                                                        算收入  预算收入 营预算收入",
            "",
            "");

    /**
     * 烟台市司法局's 收入总体情况表 as pdftotext prints it: three wrapped names one after the other, their lines between
     * the rows' lines of amounts — "机关事业单位基本养老保" on 05's line with "险缴费支出" under it, then 06's
     * "机关事业单位职业年金缴" above a line of amounts alone and "费支出" under it, then 99's first line above its "出".
     */
    private static final List<String> WRAPPED_IN_TURN = lines(INCOME_HEADER,
            "                合   计            7,370.46   7,367.46    7,367.46                              3.00",
            "208             社会保障和就业支出          912.52    912.52     912.52",
            "",
            "      05         行政事业单位养老支出        912.52    912.52     912.52",
            "",
            "           01       行政单位离退休        325.69    325.69     325.69",
            "",
            "           05     机关事业单位基本养老保      511.71    511.71     511.71",
            "                险缴费支出",
            "                  机关事业单位职业年金缴",
            "           06                      74.00      74.00      74.00",
            "                费支出",
            "                    其他行政事业单位养老支",
            "           99   出                   1.12       1.12       1.12",
            "");

    @Test
    void wrappedNamesBetweenRowsPartWhereALineNarrowerThanTheWrapEndsAName() {
        DisclosureTable t = table(WRAPPED_IN_TURN, "yantai-2026", 2026, "烟台市司法局", AgencyKind.DEPARTMENT, 2026, "收入总体情况表", true);
        assertThat(row(t, "2080505").name()).isEqualTo("机关事业单位基本养老保险缴费支出");
        assertThat(row(t, "2080506").name()).isEqualTo("机关事业单位职业年金缴费支出");
        assertThat(row(t, "2080599").name()).isEqualTo("其他行政事业单位养老支出");
        assertThat(values(t, "2080506")).containsExactly("74", "74", "74", null, null, null, null, null, null, null, null, null, null);
    }

    /** 烟台市人民政府办公室's 收入总体情况表: a name's last line under its row, a blank line after it (no row's but its own). */
    private static final List<String> WRAPPED_THEN_BLANK = lines(INCOME_HEADER,
            "                合   计           9,325.57   9,232.56    9,232.56                              93.01",
            "",
            "201             一般公共服务支出        8,105.31   8,012.30    8,012.30                              93.01",
            "",
            "      03         政府办公厅（室）及相关机   8,105.31   8,012.30    8,012.30                              93.01",
            "                构事务",
            "",
            "           01       行政运行        2,220.04   2,220.04    2,220.04",
            "",
            "           02       一般行政管理事务    5,027.97   4,934.96    4,934.96                              93.01");

    @Test
    void aNamesLinesUnderItsRowWithABlankLineAfterThemAreItsOwn() {
        DisclosureTable t = table(WRAPPED_THEN_BLANK, "yantai-2026", 2026, "烟台市人民政府办公室", AgencyKind.DEPARTMENT, 2026, "收入总体情况表", true);
        assertThat(row(t, "20103").name()).isEqualTo("政府办公厅（室）及相关机构事务");
        // the rows after it keep their codes (构事务 read as a row of its own broke them: "01", "02" as units)
        assertThat(row(t, "2010301").name()).isEqualTo("行政运行");
        assertThat(values(t, "2010302")).containsExactly("5027.97", "4934.96", "4934.96", null, null, null, null, null, "93.01", null, null, null, null);
        assertThat(t.rows()).noneMatch(x -> x.name().equals("构事务"));
    }

    /**
     * 烟台市大数据局's 基本支出预算情况表: the 部门 classification's name wrapped around the row's line, on which the
     * 政府 classification's code and name are printed ("301   08" … "501   02   社会保障缴费").
     */
    private static final List<String> SECOND_CLASSIFICATION = List.of(
            "                                                                                                                   公开表10",
            "",
            "                                                        基本支出预算情况表",
            "部门（单位）：烟台市大数据局                                                                                                    单位：万元",
            "",
            "科目编码               科目编码                                                        财政拨款",
            "        部门预算支出经济分类      政府预算支出经济分类                                                          财政专户管          使用非财",
            "            科目              科目                    合计                      一般公共预 政府性基金 国有资本经  理资金    单位资金   政拨款结   上年结转",
            "类     款            类 款                                        小计            算    预算    营预算                  余",
            "",
            "           合计                                     1,464.31    1,464.31      1,464.31",
            "",
            "301        工资福利支出         501        机关工资福利支出       408.13      408.13        408.13",
            "",
            "301   01    基本工资          501   01   工资奖金津补贴        101.65      101.65        101.65",
            "",
            "301   02    津贴补贴          501   01   工资奖金津补贴        106.00      106.00        106.00",
            "",
            "301   03    奖金            501   01   工资奖金津补贴         89.17       89.17         89.17",
            "",
            "            机关事业单位基本养老保",
            "301   08                  501   02   社会保障缴费          41.68       41.68         41.68",
            "           险缴费",
            "",
            "301   10    职工基本医疗保险缴费    501   02   社会保障缴费          19.43       19.43         19.43",
            "");

    @Test
    void aNameWrappedAroundALineWithASecondClassificationStaysInItsCell() {
        DisclosureTable t = table(SECOND_CLASSIFICATION, "yantai-2026", 2026, "烟台市大数据局", AgencyKind.DEPARTMENT, 2026, "基本支出预算情况表", true);
        Row r = row(t, "30108");
        assertThat(r.name()).isEqualTo("机关事业单位基本养老保险缴费");
        assertThat(r.values().get(0)).isEqualByComparingTo("41.68");
    }

    /** The header's lines, then the rows'. */
    private static List<String> lines(List<String> header, String... rows) {
        List<String> out = new ArrayList<>(header);
        out.addAll(List.of(rows));
        return out;
    }

    @Test
    void anAmountMovedLeftOfItsColumnIsPlacedInTheNearestColumnBetweenItsNeighbours() {
        // pdftotext moves a line's words left where it prints no name (the name wrapped around the amounts): 23,622,600
        // ends five characters left of its column, the two amounts after it are in theirs
        List<String> moved = new ArrayList<>(TABLE);
        moved.set(14, "208   05   05" + " ".repeat(18) + "23,622,600" + " ".repeat(9) + "20,871,880    2,750,720");
        DisclosureTable t = income(moved);
        assertThat(values(t, "2080505")).containsExactly("2362.26", "2087.188", "275.072", null, null);
    }

    /**
     * 深圳市信访局's 支出总表 as pdftotext prints it, its last page holding one row (2210203 alone under the header): the
     * only line of amounts of its page lines up with no other, its amounts are the page's columns (the 政府采购 columns
     * the template does not have left out).
     */
    private static final List<String> ONE_ROW_PAGE = List.of(
            "表3",
            "",
            "                                                     支出总表",
            "部门名称：深圳市信访局                                                                                                                     单位：万元",
            "",
            "      预算单位         科目编码       科目名称   支出总计       基本支出       项目支出",
            "                 2210201   住房公积金       199.91     199.91        0.00",
            "                 2210202   提租补贴         100.00     100.00        0.00",
            "\f表3",
            "",
            "                                                     支出总表",
            "部门名称：深圳市信访局                                                                                                                     单位：万元",
            "",
            "                                                                                                              2026 年政府采购项目",
            "                                                                       事业单位      对附属单位                                         政府采购项目",
            "      预算单位         科目编码       科目名称   支出总计       基本支出       项目支出                            上缴上级支出                 政府采购项目",
            "                                                                       经营支出      补助支出                                          中预留给小",
            "                                                                                                      小计           中预留给",
            "                 2210203   购房补贴        553.33     553.33        0.00      0.00      0.00       0.00        0.00         0.00          0.00",
            "     注：本套报表金额单位转换时可能存在尾数误差。");

    /**
     * 深圳市交通运输局's 项目支出总表 as pdftotext prints it: two 总计 amounts wrapped in their cells, their last digit
     * on the line below the row's other amounts (376,936.6 / … / 0 beside the wrapped unit name; 175,400.5 / … / 9).
     */
    private static final List<String> WRAPPED_AMOUNTS = List.of(
            "表5",
            "                                                                            项目支出总表",
            "部门名称：深圳市交通运输局（本级）                                                                                                                            单位：万元",
            "",
            "                                                                                       2026 年预算",
            "",
            "     支出项目类别                                 财政拨款                                                     单位资金",
            "                                                                   财政专户                                                                    上年结余、",
            "                 总计           一般公共         政府性基金预       国有资本经营                         事业单位          上级补助          附属单位",
            "                                                                   管理资金     事业收入                                                 其他收入       结转",
            "                              预算拨款          算拨款          预算拨款                          经营收入           收入           上缴收入",
            "深圳市交通运输局（本       376,936.6",
            "                              372,569.82     4,165.00       0.00     0.00       0.00          0.00          0.00          0.00      0.00         201.78",
            "级）                        0",
            "     安全生产和应急管理",
            "                   470.29         470.29         0.00       0.00     0.00       0.00          0.00          0.00          0.00      0.00           0.00",
            "专项经费",
            "     办公设备采购           31.86        31.86         0.00       0.00     0.00       0.00          0.00          0.00          0.00      0.00           0.00",
            "",
            "     港航管理         1,413.78      1,413.78         0.00       0.00     0.00       0.00          0.00          0.00          0.00      0.00           0.00",
            "",
            "     管养维护项目       2,573.40      2,573.40         0.00       0.00     0.00       0.00          0.00          0.00          0.00      0.00           0.00",
            "                 175,400.5",
            "     轨道交通管理                   175,204.09         0.00       0.00     0.00       0.00          0.00          0.00          0.00      0.00         196.50",
            "                          9");

    @Test
    void anAmountWrappedInItsCellIsJoined() {
        DisclosureTable t = table(WRAPPED_AMOUNTS, "shenzhen-2026", 2026, "深圳市交通运输局", AgencyKind.DEPARTMENT, 2026, "项目支出总表", true);
        Row unit = t.rows().get(0);
        assertThat(unit.name().replace(" ", "")).isEqualTo("深圳市交通运输局（本级）");
        assertThat(values(unit).subList(0, 3)).containsExactly("376936.6", "372569.82", "4165");
        Row rail = t.rows().stream().filter(x -> x.name().equals("轨道交通管理")).findFirst().orElseThrow();
        assertThat(values(rail).subList(0, 2)).containsExactly("175400.59", "175204.09");
        assertThat(values(rail).get(10)).isEqualTo("196.5");
        assertThat(t.rows()).noneMatch(x -> x.name().equals("级）") || x.name().isBlank());
    }

    @Test
    void aLineOfTextRunTogetherAfterTheTableDoesNotMakeItPlain() {
        // 广州 气象局 prints a list of its projects after its last table, one of them a name, one space, an amount
        // ("2026年-2027年信息化运维项 568.42"): the table stays read by where its amounts are, not as a plain layout
        List<String> lines = new ArrayList<>(WRAPPED_AMOUNTS);
        String office = WRAPPED_AMOUNTS.stream().filter(l -> l.contains("办公设备采购")).findFirst().orElseThrow();
        for (String name : List.of("港口建设费", "航道维护费", "站场管理费", "信息系统运维", "执法装备购置", "车辆运行维护", "交通调查统计", "课题研究经费"))
            lines.add(office.replace("办公设备采购", name.substring(0, 5) + "经费"));
        lines.add("       项目          预算数（单位：万元）              绩效目标");
        lines.add("2026年-2027年信息化运维项 568.42");
        DisclosureTable t = table(lines, "shenzhen-2026", 2026, "深圳市交通运输局", AgencyKind.DEPARTMENT, 2026, "项目支出总表", true);
        Row rail = t.rows().stream().filter(x -> x.name().equals("轨道交通管理")).findFirst().orElseThrow(() -> new AssertionError(t.rows()));
        assertThat(values(rail).subList(0, 2)).containsExactly("175400.59", "175204.09");
        assertThat(values(rail).get(10)).isEqualTo("196.5");
    }

    @Test
    void aPagesOnlyLineOfAmountsMakesItsColumns() {
        DisclosureTable t = table(ONE_ROW_PAGE, "shenzhen-2026", 2026, "深圳市信访局", AgencyKind.DEPARTMENT, 2026, "支出总表", true);
        assertThat(values(t, "2210203")).containsExactly("553.33", "553.33", null);
        assertThat(values(t, "2210201")).containsExactly("199.91", "199.91", null);
    }

    /**
     * Our renderer's 财政拨款收支预算总体情况表 (新疆 2024) as pdftotext prints it: the income amounts one space before the
     * expense side's label ("304.15 201 一般公共服务支出": no cell of their own), the expense labels wrapped in their
     * cells (207 文化旅游体育与传媒支 / 出; 215's amounts on a line of their own between), the header's labels wrapped
     * too (政府性基金 / 预算, another label's line between).
     */
    private static final List<String> FISCAL_SUMMARY = List.of(
            "表4",
            "                   财政拨款收支预算总体情况表",
            "编制单位：乌鲁木齐市中小企业服务中心                                                     单位：万元",
            "          财政拨款收入                            财政拨款支出",
            "                                                    一般公共预      政府性基金   国有资本经",
            "         项目        合计         支出功能分类       合计",
            "                                                      算          预算     营预算",
            "一、财政拨款（补助）         304.15 201 一般公共服务支出",
            "     一般公共预算        304.15 202 外交支出",
            "     政府性基金预算            203 国防支出",
            "     国有资本经营预算           204 公共安全支出",
            "                        206 科学技术支出          34.33      34.33",
            "                        207 文化旅游体育与传媒支",
            "                        出",
            "                        208 社会保障和就业支出       43.26      43.26",
            "                        215 资源勘探工业信息等支",
            "                                           226.56     226.56",
            "                        出",
            "                        216 商业服务业等支出",
            "收入总计               304.15 支出总计             304.15     304.15");

    @Test
    void aSummarysAmountBeforeTheOtherSidesLabelStartsItsBodyAndAWrappedLabelTakesItsLinesBelow() {
        DisclosureTable t = table(FISCAL_SUMMARY, "xinjiang-2024", 2024, "乌鲁木齐市中小企业服务中心", AgencyKind.UNIT, 2024, "财政拨款收支预算总体情况表", false);
        // the first lines' amounts have no cell of their own: they are the body's, not the header's
        assertThat(values(side(t, "一、财政拨款（补助）"))).containsExactly("304.15", null, null, null);
        assertThat(values(side(t, "一般公共预算"))).containsExactly("304.15", null, null, null);
        assertThat(values(row(t, "201"))).containsExactly(null, null, null, null);
        // a label's last word on the line below is its own; 215's amounts, printed between, are its
        assertThat(row(t, "207").name()).isEqualTo("文化旅游体育与传媒支出");
        assertThat(row(t, "215").name()).isEqualTo("资源勘探工业信息等支出");
        assertThat(values(row(t, "215"))).containsExactly("226.56", "226.56", null, null);
        assertThat(t.rows()).noneMatch(x -> x.name().equals("出"));
        // 政府性基金 / 预算 and 国有资本经 / 营预算, wrapped in the header, are printed columns (blank, not left out)
        assertThat(t.columns()).hasSize(4);
        assertThat(values(side(t, "支出总计"))).containsExactly("304.15", "304.15", null, null);
    }

    /** Our renderer's 财政拨款“三公”经费支出情况表 as pdftotext prints it: template lines printed blank above a line with amounts. */
    private static final List<String> THREE_COSTS = List.of(
            "表10",
            "                  财政拨款“三公”经费支出情况表",
            "编制单位：乌鲁木齐市中小企业服务中心                                          单位：万元",
            "                                                 资金来源",
            "         “三公”经费支出内容     合计",
            "                                    一般公共预算       政府性基金   国有资本经营预算",
            "             ※          1             2            3        4",
            "合计                           1.89         1.89",
            " 因公出国（境）费",
            " 公务接待费",
            "公务用车购置及运行费（小计）               1.89         1.89",
            "其中：公务用车购置费",
            " 公务用车运行费                     1.89         1.89");

    @Test
    void aFixedTablesBlankTemplateLinesAreNoPartOfTheNameOfTheLineBelow() {
        DisclosureTable t = table(THREE_COSTS, "xinjiang-2024", 2024, "乌鲁木齐市中小企业服务中心", AgencyKind.UNIT, 2024, "三公", false);
        assertThat(t.rows()).extracting(r -> r.label().replace(" ", "")).contains("因公出国（境）费", "公务接待费", "公务用车购置及运行费（小计）");
        assertThat(values(side(t, "公务用车购置及运行费（小计）"))).containsExactly("1.89", "1.89", null, null);
        assertThat(values(side(t, "公务接待费"))).containsExactly(null, null, null, null);
    }

    /**
     * 广州市交通运输局's 部门预算基本支出预算表 as pdftotext prints a page of it: its first row's unit name wrapped over
     * three lines around its amounts, the first just under the header, and a 绩效目标 beside the next page's first name.
     */
    private static final List<String> FIRST_ROW_WRAPPED = List.of(
            "表11",
            "                                        部门预算基本支出预算表",
            "单位名称：广州市交通运输局                                                                          单位：万元",
            "支出项目类别（资金使用                                      财政拨款",
            "              总计                                                                 财政专户拨款      其他资金",
            "       单位）                  合计            一般公共预算        政府性基金预算     国有资本经营预算",
            "广州市交通工程质量监督",
            "站（广州市交通工程造价    2,121.07      2,121.07        2,121.07        0.00         0.00        0.00          0.00",
            "管理站）",
            " 工资福利支出        1,951.38      1,951.38        1,951.38        0.00         0.00        0.00          0.00",
            " 商品和服务支出           137.66        137.66        137.66        0.00         0.00        0.00          0.00",
            " 对个人和家庭的补助         23.98         23.98          23.98        0.00         0.00        0.00          0.00",
            " 资本性支出               8.05          8.05          8.05        0.00         0.00        0.00          0.00");

    @Test
    void aPagesFirstRowTakesItsNamesLinesAboveAndBelow() {
        DisclosureTable t = table(FIRST_ROW_WRAPPED, "guangzhou-2026", 2026, "广州市交通运输局", AgencyKind.DEPARTMENT, 2026, "部门预算基本支出预算表", true);
        assertThat(t.rows().get(0).name().replace(" ", "")).isEqualTo("广州市交通工程质量监督站（广州市交通工程造价管理站）");
        assertThat(t.rows().get(0).values().get(0)).isEqualByComparingTo("2121.07");
        assertThat(t.rows()).noneMatch(x -> x.name().startsWith("管理站）") || x.name().equals("广州市交通工程质量监督"));
        assertThat(values(row(t, "301")).get(0)).isEqualTo("1951.38");
    }

    /** The table whose title holds {@code title} (is it, when {@code exact}) read from {@code lines} by profile {@code profile}. */
    /**
     * 西安 2021's 部门综合预算收支总表 (its first page, its second's first lines) and the 收入总表 after it as pdftotext
     * prints them: four blocks side by side, their labels wrapped around their amounts' line, the second page's income
     * side blank; the 收入总表's title misprinted "部综合预算收入总表".
     */
    static final List<String> XIAN_SUMMARY = List.of(
            "\f表1",
            "",
            "                                 2021年部门综合预算收支总表",
            "                                                                                                 单位：元",
            "          收      入                                            支          出",
            "",
            "                                                                                     政府预算支出经",
            "                                支出功能分科目                   部门预算支出经济",
            "      项   目       预算数                        预算数                        预算数          济分类科目（按    预算数",
            "                                 （按大类）                     科目（按大类）",
            "                                                                                       大类）",
            "",
            "一、部门预算           258596001.79 一、部门预算       258596001.79 一、部门预算        258596001.79 一、部门预算      258596001.79",
            "                                 1、一般公共服                 1、人员经费和                   1、机关工资",
            " 1、财政拨款          258596001.79              48615794.92                23174401.79               20790689.48",
            "                                务支出                     公用经费支出                    福利支出",
            "  (1)一般公共预算                                                 (1)工资福                 2、机关商品",
            "                 258596001.79    2、外交支出            0.00               20790689.48              237013084.31",
            "拨款                                                      利支出                       和服务支出",
            "     其中：专项资",
            "                                                             (2)商品和                   3、机关资本",
            "金列入部门预算的项        200000000.00    3、国防支出            0.00                2318984.31                 727500.00",
            "                                                          服务支出                       性支出（一）",
            "目",
            "     (2)政府性基金拨                   4、公共安全支                     (3)对个人                   4、机关资本",
            "                         0.00                      0.00                  64728.00                      0.00",
            "款                               出                         和家庭的补助                     性支出（二）",
            "  (3)国有资本经营                                                  (4)资本性                  5、对事业单",
            "                         0.00    5、教育支出     1096000.00                        0.00                     0.00",
            "预算收入                                                    支出                         位经常性补助",
            "                               6、科学技术支                   2、专项业务经                     6、对事业单",
            " 2、上级补助收入                0.00                      0.00               235421600.00                     0.00",
            "                              出                         费支出                        位资本性补助",
            "                               7、文化旅游体                       (1)工资福                  7、对企业补",
            " 3、事业收入                  0.00              203381600.00                       0.00                     0.00",
            "                              育与传媒支出                    利支出                        助",
            "   其中：纳入财                      8、社会保障和                       (2)商品和                  8、对企业资",
            "                         0.00                2190776.93               234694100.00                     0.00",
            "政专户管理的收费                      就业支出                      服务支出                       本性支出",
            " 4、事业单位经营                      9、社会保险基                       (3)对个人                  9、对个人和",
            "                         0.00                      0.00                       0.00                 64728.00",
            "收入                            金支出                       和家庭补助                      家庭的补助",
            " 5、附属单位上缴                      10、卫生健康                       (4)债务利                  10、对社会保",
            "                         0.00                 387425.87                       0.00                     0.00",
            "收入                            支出                        息及费用支出                     障基金补助",
            "                               11、节能环保                       (5)资本性                  11、债务利息",
            " 6、其他收入                  0.00                      0.00                       0.00                     0.00",
            "                              支出                        支出 基本建设)",
            "                                                           (                       及费用支出",
            "\f表1",
            "",
            "                    2021年部门综合预算收支总表",
            "                                                                               单位：元",
            "         收   入                                  支         出",
            "",
            "                                                                   政府预算支出经",
            "                   支出功能分科目                 部门预算支出经济",
            "     项   目   预算数              预算数                        预算数       济分类科目（按     预算数",
            "                    （按大类）                   科目（按大类）",
            "                                                                       大类）",
            "                    12、城乡社区                     (6)资本性               12、债务还本",
            "                                    0.00                 727500.00                   0.00",
            "                   支出                      支出                      支出",
            "                    13、农林水支                   (7)对企业                 13、转移性支",
            "                                    0.00                      0.00                   0.00",
            "                   出                     补助(基本建设)                  出",
            "                    14、交通运输                   (8)对企业                 14、预备费及",
            "                                    0.00                      0.00                   0.00",
            "                   支出                    补助                        预留",
            "                    15、资源勘探                   (9)对社会",
            "                                    0.00                      0.00   15、其他支出         0.00",
            "                   工业信息等支出               保障基金补助",
            "                    16、商业服务                   (10)其他支",
            "                                    0.00                      0.00",
            "                   业等支出                  出",
            "                                           3、上缴上级支",
            "                    17、金融支出         0.00                      0.00",
            "                                         出",
            "                    18、援助其他                4、事业单位经",
            "                                    0.00                      0.00",
            "                   地区支出                  营支出",
            "                    19、自然资源                5、对附属单位",
            "                                    0.00                      0.00",
            "\f表2",
            "",
            "                                  2021年部综合预算收入总表",
            "                                                                                                                     单位：元",
            "                                                                  部门预算",
            "",
            "                                     一般公共预算拨款",
            "单位编                                                               政府                                 用事业        上年",
            "      单位名称                                                               上级        事业单 对附属",
            " 码                                                                性基            事业                   基金弥     上年 实户 其他收",
            "                  合计                             其中：专项资金                 补助        位经营 单位上",
            "                                                                  金拨            收入                   补收支     结转 资金  入",
            "                                   小计            列入部门预算项                 收入         收入 缴收入",
            "                                                                   款                                  差额        余额",
            "                                                    目",
            "",
            "",
            "      合计       258,596,001.79   258,596,001.79   200,000,000.00   0.00   0.00   0.00   0.00   0.00    0.00   0.00 0.00   0.00",
            "       中共西安市",
            "201            258,596,001.79   258,596,001.79   200,000,000.00   0.00   0.00   0.00   0.00   0.00    0.00   0.00 0.00   0.00",
            "       委宣传部",
            "         中共西",
            "       安市委宣传   255,197,284.29   255,197,284.29   200,000,000.00   0.00   0.00   0.00   0.00   0.00    0.00   0.00 0.00   0.00",
            "201001",
            "       部",
            "         中共西",
            "       安市委理论     3,398,717.50     3,398,717.50             0.00   0.00   0.00   0.00   0.00   0.00    0.00   0.00 0.00   0.00",
            "201002",
            "       讲师团",
            "\f表3");

    @Test
    void aTitleMisprintedWithACharacterLeftOutEndsTheTableBeforeItAndIsReadThere() {
        ShapeReader.Result r = ShapeReader.read(new ArrayList<>(XIAN_SUMMARY), LIB.profile("xian-2026"), LIB.year(2021), "中共西安市委宣传部", AgencyKind.DEPARTMENT, 2021);
        // the 收入总表 is read under the title it prints, a note saying how it is printed; its header, cut over eight
        // lines, names none of its 12 columns, and each row printing all 12 amounts (0.00 in the blank ones) is read in
        // column order (in 万元: 合计, 一般公共预算拨款小计, 其中：专项资金列入部门预算项目, the other nine blank)
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("表2").contains("标题印作“2021年部综合预算收入总表”"));
        DisclosureTable income = r.tables().stream().filter(x -> x.mark().equals("表2")).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
        Row total = income.rows().stream().filter(x -> x.kind() == RowKind.TOTAL).findFirst().orElseThrow(() -> new AssertionError(income.rows()));
        assertThat(total.value(0)).isEqualByComparingTo("25859.600179");
        assertThat(total.value(1)).isEqualByComparingTo("25859.600179");
        assertThat(total.value(2)).isEqualByComparingTo("20000");
        for (int c = 3; c < 12; c++) assertThat(total.value(c)).as("column %d", c).isNull();
        // and it ends the 收支总表: its pages, their amounts run together ("0.00 0.00"), are not the 收支总表's, whose
        // lines are then read by where their words are printed
        DisclosureTable t = r.tables().stream().filter(x -> x.title().contains("收支总表")).findFirst().orElseThrow();
        assertThat(row(t, "201").name()).isEqualTo("一般公共服务支出");
        assertThat(values(row(t, "201"))).containsExactly("4861.579492");
        assertThat(values(row(t, "207"))).containsExactly("20338.16");
        assertThat(row(t, "211").name()).isEqualTo("节能环保支出");
        assertThat(values(side(t, "(1)一般公共预算拨款"))).containsExactly("25859.600179");
        // the second page, its income side blank: its first block is the expense side's, not the income side's
        assertThat(row(t, "212").name()).isEqualTo("城乡社区支出");
        assertThat(row(t, "213").name()).isEqualTo("农林水支出");
        assertThat(t.rows()).noneMatch(x -> x.side() == org.openbudget.core.disclosure.Side.INCOME && x.name().contains("支出"));
    }

    private static DisclosureTable table(List<String> lines, String profile, int refYear, String unit, AgencyKind kind, int year, String title, boolean exact) {
        ShapeReader.Result r = ShapeReader.read(new ArrayList<>(lines), LIB.profile(profile), LIB.year(refYear), unit, kind, year);
        return r.tables().stream().filter(x -> exact ? x.title().equals(title) : x.title().contains(title)).findFirst()
                .orElseThrow(() -> new AssertionError(r.notes()));
    }

    private static Row total(DisclosureTable t) {
        return t.rows().stream().filter(x -> x.kind() == org.openbudget.core.disclosure.RowKind.TOTAL).findFirst()
                .orElseThrow(() -> new AssertionError("no total: " + t.rows()));
    }

    private static Row side(DisclosureTable t, String label) {
        return t.rows().stream().filter(x -> x.code().isEmpty() && x.label().replace(" ", "").equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not read: " + t.rows()));
    }

    /**
     * 烟台市人民政府办公室's 公开表12 as pdftotext prints it: 政府性基金 / 预算 and 国有资本经 / 营预算 head columns no row
     * fills on the page, 政府性基金 printed against 一般公共预 and pushed right — past 一般公共预算's amounts, not into 单位资金's
     * column far right of it, and its lower part 预算 with it: 2,908.21 is 一般公共预算's, 50.00 单位资金's.
     */
    private static final List<String> PROCUREMENT = List.of(
            "                                                政府采购预算表",
            "部门（单位）：烟台市人民政府办公室                                                                                         单位：万元",
            "      科目编码                                                          财政拨款",
            "                                                                                财政专户管             使用非财政",
            "                             科目名称    合计                     一般公共预 政府性基金 国有资本经    理资金    单位资金       拨款结余   上年结转",
            "类      款     项                                  小计            算    预算    营预算",
            "                  合   计              2,958.21   2,908.21       2,908.21                   50.00",
            "201               一般公共服务支出           2,958.21   2,908.21       2,908.21                   50.00",
            "       03          政府办公厅（室）及相关机构事务   2,958.21   2,908.21       2,908.21                   50.00",
            "             01       行政运行              13.00      13.00            13.00",
            "             02       一般行政管理事务       2,945.21   2,895.21       2,895.21                   50.00");

    @Test
    void aHeaderWordPushedPastTheColumnsOfAmountsTakesItsLowerPartWithIt() {
        List<String> doc = new ArrayList<>(PROCUREMENT);
        ShapeReader.Result r = ShapeReader.read(doc, LIB.profile("yantai-2026"), LIB.year(2026), "烟台市人民政府办公室", AgencyKind.DEPARTMENT, 2026);
        DisclosureTable t = r.tables().stream().filter(x -> x.title().equals("政府采购预算表")).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
        // 合计 | 财政拨款小计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算 | 财政专户管理资金 | 单位资金 | 使用非财政拨款结余 | 上年结转
        assertThat(values(t.rows().get(0))).containsExactly("2958.21", "2908.21", "2908.21", null, null, null, "50", null, null);
        assertThat(values(t, "2010301")).containsExactly("13", "13", "13", null, null, null, null, null, null);
        assertThat(values(t, "2010302")).containsExactly("2945.21", "2895.21", "2895.21", null, null, null, "50", null, null);
    }

    private static Row row(DisclosureTable t, String code) {
        return t.rows().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code + " not read: " + t.rows()));
    }

    private static List<String> values(DisclosureTable t, String code) {
        return values(row(t, code));
    }

    private static List<String> values(Row r) {
        List<String> out = new ArrayList<>();
        for (BigDecimal v : r.values()) out.add(v == null ? null : v.stripTrailingZeros().toPlainString());
        return out;
    }
}
