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
 * 西安 2021's tables crossing two classifications (部门经济 × 政府经济: 表6 一般公共预算支出明细表（按支出经济分类科目）,
 * 表8 基本支出明细表) as pdftotext -layout prints them ({@link CrossedStub}): 表6's rows with their code at the foot of
 * the cell and the 政府经济 code and name on the line of amounts, right of the row's name or instead of it ("机关事业单位基" /
 * "50102   社会保障缴费  1,449,977.63 …" / "30108   本养老保险缴费"; "其他商品和服务 50299    其他商品和服务" / "30299
 * 支出   支出"); 表8's with the row's code on the line of amounts and its name wrapped around it ("机关事业单位基" /
 * "30108    50102    社会保障缴费 …" / "本养老保险缴费"), or run on to the next row's line ("30299   其他商品和服务 50299
 * 226,150.00" / "其他商品和服务支出" / "支出" / "303   对个人和家庭的补助"). Each row reads its own name, as the PDF's
 * cells give it. The fixtures are the tables' pages as printed.
 */
class CrossedStubTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    private static final List<String> ECONOMIC = List.of(
            "\f表6",
            "",
            " 2021年部门综合预算一般公共预算支出明细表（按支出经济分类科目-不",
            "                含上年结转）",
            "                                                                                                      单位：元",
            "部门经济                  政府经济 政府经济科目名",
            "        部门经济科目名称                           合计            人员经费支出          公用经费支出         专项业务经费支出          备注",
            "科目编码                  科目编码    称",
            "",
            "        合计                              258,596,001.79   21,914,447.48   1,259,954.31    235,421,600.00",
            "",
            "301     工资福利支出                           20,790,689.48   20,790,689.48           0.00              0.00",
            "",
            "             基本工资     50101   工资奖金津补贴     5,041,518.30    5,041,518.30           0.00              0.00",
            "30101",
            "             津贴补贴     50101   工资奖金津补贴     5,906,034.91    5,906,034.91           0.00              0.00",
            "30102",
            "             奖金       50101   工资奖金津补贴     5,335,000.00    5,335,000.00           0.00              0.00",
            "30103",
            "          机关事业单位基",
            "                  50102       社会保障缴费      1,449,977.63    1,449,977.63           0.00              0.00",
            "30108   本养老保险缴费",
            "",
            "             职业年金缴费   50102   社会保障缴费       724,988.81      724,988.81            0.00              0.00",
            "30109",
            "          职工基本医疗保 50102                    387,425.87      387,425.87            0.00              0.00",
            "                              社会保障缴费",
            "30110   险缴费",
            "          其他社会保障缴 50102                      15,810.49      15,810.49            0.00              0.00",
            "                              社会保障缴费",
            "30112   费",
            "             住房公积金    50103   住房公积金       1,929,933.47    1,929,933.47           0.00              0.00",
            "30113",
            "302     商品和服务支出                         237,013,084.31    1,059,030.00   1,259,954.31    234,694,100.00",
            "",
            "             办公费      50201   办公经费         525,250.00             0.00    266,750.00        258,500.00",
            "30201",
            "             印刷费      50201   办公经费        1,321,125.00            0.00     46,125.00       1,275,000.00",
            "30202",
            "             邮电费      50201   办公经费         242,250.00             0.00     82,250.00        160,000.00",
            "30207",
            "             差旅费      50201   办公经费         906,250.00             0.00    391,250.00        515,000.00",
            "30211",
            "\f表6",
            "",
            " 2021年部门综合预算一般公共预算支出明细表（按支出经济分类科目-不",
            "                含上年结转）",
            "                                                                                                     单位：元",
            "部门经济                   政府经济 政府经济科目名",
            "        部门经济科目名称                           合计            人员经费支出          公用经费支出        专项业务经费支出          备注",
            "科目编码                   科目编码    称",
            "",
            "             维修（护）费   50209   维修（护）费         36,125.00           0.00      36,125.00              0.00",
            "30213",
            "             租赁费      50201   办公经费           30,000.00           0.00           0.00         30,000.00",
            "30214",
            "             会议费      50202   会议费          320,000.00            0.00      10,000.00       310,000.00",
            "30215",
            "             培训费      50203   培训费         1,096,000.00           0.00      20,000.00      1,076,000.00",
            "30216",
            "             公务接待费    50206   公务接待费          65,100.00           0.00       5,100.00         60,000.00",
            "30217",
            "             劳务费      50205   委托业务费        550,000.00            0.00           0.00       550,000.00",
            "30226",
            "             委托业务费    50205   委托业务费      25,801,600.00           0.00           0.00     25,801,600.00",
            "30227",
            "             工会经费     50201   办公经费         176,204.31            0.00     176,204.31              0.00",
            "30228",
            "             其他交通费用   50201   办公经费        1,059,030.00    1,059,030.00          0.00              0.00",
            "30239",
            "             其他商品和服务 50299    其他商品和服务   204,884,150.00           0.00     226,150.00    204,658,000.00",
            "30299   支出                    支出",
            "303     对个人和家庭的补助                            64,728.00      64,728.00           0.00              0.00",
            "",
            "             退休费      50905   离退休费           55,440.00      55,440.00           0.00              0.00",
            "30302",
            "             奖励金      50901   社会福利和救助         5,088.00       5,088.00           0.00              0.00",
            "30309",
            "          其他对个人和家 50999       其他对个人和家         4,200.00       4,200.00           0.00              0.00",
            "30399   庭的补助                  庭补助",
            "310     资本性支出                              727,500.00            0.00           0.00       727,500.00",
            "",
            "             办公设备购置   50306   设备购置         727,500.00            0.00           0.00       727,500.00");

    private static final List<String> BASIC_ECONOMIC = List.of(
            "\f表8",
            "",
            " 2021年部门综合预算一般公共预算基本支出明细表（按支出经济分类",
            "             科目-不含上年结转）",
            "                                                                                单位：元",
            "部门经济科目                      政府经济科",
            "              部门经济科目名称              政府经济科目名称     合计            人员经费支出          公用经费支出          备注",
            "  编码                         目编码",
            "              合计                               23,174,401.79   21,914,447.48    1,259,954.31",
            "",
            "301           工资福利支出                           20,790,689.48   20,790,689.48            0.00",
            "",
            "      30101        基本工资     50101   工资奖金津补贴     5,041,518.30    5,041,518.30            0.00",
            "",
            "      30102        津贴补贴     50101   工资奖金津补贴     5,906,034.91    5,906,034.91            0.00",
            "",
            "      30103        奖金       50101   工资奖金津补贴     5,335,000.00    5,335,000.00            0.00",
            "",
            "                机关事业单位基",
            "      30108             50102       社会保障缴费      1,449,977.63    1,449,977.63            0.00",
            "              本养老保险缴费",
            "",
            "      30109        职业年金缴费   50102   社会保障缴费       724,988.81      724,988.81             0.00",
            "",
            "      30110     职工基本医疗保 50102                    387,425.87      387,425.87             0.00",
            "                                    社会保障缴费",
            "              险缴费",
            "      30112     其他社会保障缴 50102                     15,810.49       15,810.49             0.00",
            "                                    社会保障缴费",
            "              费",
            "      30113        住房公积金    50103   住房公积金       1,929,933.47    1,929,933.47            0.00",
            "",
            "302           商品和服务支出                           2,318,984.31    1,059,030.00    1,259,954.31",
            "",
            "      30201        办公费      50201   办公经费         266,750.00             0.00     266,750.00",
            "",
            "      30202        印刷费      50201   办公经费          46,125.00             0.00      46,125.00",
            "",
            "      30207        邮电费      50201   办公经费          82,250.00             0.00      82,250.00",
            "",
            "      30211        差旅费      50201   办公经费         391,250.00             0.00     391,250.00",
            "\f表8",
            "",
            " 2021年部门综合预算一般公共预算基本支出明细表（按支出经济分类",
            "             科目-不含上年结转）",
            "                                                                                 单位：元",
            "部门经济科目                       政府经济科",
            "              部门经济科目名称               政府经济科目名称     合计            人员经费支出          公用经费支出         备注",
            "  编码                          目编码",
            "      30213        维修（护）费   50209    维修（护）费        36,125.00            0.00       36,125.00",
            "",
            "      30215        会议费      50202    会议费           10,000.00            0.00       10,000.00",
            "",
            "      30216        培训费      50203    培训费           20,000.00            0.00       20,000.00",
            "",
            "      30217        公务接待费    50206    公务接待费          5,100.00            0.00        5,100.00",
            "",
            "      30228        工会经费     50201    办公经费         176,204.31            0.00      176,204.31",
            "",
            "      30239        其他交通费用   50201    办公经费        1,059,030.00    1,059,030.00           0.00",
            "",
            "      30299        其他商品和服务 50299                  226,150.00            0.00      226,150.00",
            "                                     其他商品和服务支出",
            "              支出",
            "303           对个人和家庭的补助                            64,728.00       64,728.00            0.00",
            "",
            "      30302        退休费      50905    离退休费          55,440.00       55,440.00            0.00",
            "",
            "      30309        奖励金      50901    社会福利和救助        5,088.00        5,088.00            0.00",
            "",
            "      30399     其他对个人和家 50999        其他对个人和家庭补      4,200.00        4,200.00            0.00",
            "              庭的补助                   助");

    private static DisclosureTable table(List<String> lines, String title) {
        ShapeReader.Result r = ShapeReader.read(new ArrayList<>(lines), LIB.profile("xian-2026"), LIB.year(2021), "中共西安市委宣传部", AgencyKind.DEPARTMENT, 2021);
        return r.tables().stream().filter(x -> x.title().contains(title)).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
    }

    @Test
    void aRowsNameIsLeftOfTheSecondClassificationsCodeOnEachOfItsLines() {
        DisclosureTable t = table(ECONOMIC, "一般公共预算支出明细表（按支出经济分类科目）");
        assertThat(row(t, "30108").name()).isEqualTo("机关事业单位基本养老保险缴费");
        assertThat(row(t, "30108").values().get(0)).isEqualByComparingTo("144.997763");
        assertThat(row(t, "30299").name()).isEqualTo("其他商品和服务支出");
        assertThat(row(t, "30399").name()).isEqualTo("其他对个人和家庭的补助");
        // the 政府经济 codes are no rows of the table's own
        assertThat(t.rows()).noneMatch(r -> r.code().startsWith("5"));
        assertThat(t.rows()).filteredOn(r -> r.kind() == RowKind.CLASS).allMatch(r -> !r.name().matches(".*\\d.*"), "no code in a name");
    }

    @Test
    void aNameWrappedAroundTheRowsCodeOrOntoTheNextRowsLineIsItsOwn() {
        DisclosureTable t = table(BASIC_ECONOMIC, "一般公共预算基本支出明细表（按支出经济分类科目）");
        assertThat(row(t, "30108").name()).isEqualTo("机关事业单位基本养老保险缴费");
        assertThat(row(t, "30110").name()).isEqualTo("职工基本医疗保险缴费");
        assertThat(row(t, "30112").name()).isEqualTo("其他社会保障缴费");
        assertThat(row(t, "30299").name()).isEqualTo("其他商品和服务支出");
        assertThat(row(t, "303").name()).isEqualTo("对个人和家庭的补助");
        assertThat(row(t, "30399").name()).isEqualTo("其他对个人和家庭的补助");
        assertThat(row(t, "30112").values()).containsExactly(new BigDecimal("1.581049"), new BigDecimal("1.581049"), null);
    }

    private static Row row(DisclosureTable t, String code) {
        return t.rows().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code + ": " + t.rows()));
    }
}
