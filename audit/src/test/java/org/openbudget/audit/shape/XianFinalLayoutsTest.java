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
 * 西安市卫生健康委员会 2022 决算's tables as its two readings lay them out: its 三公 table printed turned (rows 预算数 /
 * 决算数, a column per item) as pdftotext -layout prints it, its blank 因公出国（境）费用 cells leaving no trace (the
 * header's 栏次 row numbers the columns: {@link TurnedColumns}); and its 财政拨款收入支出决算总表 as the PDF's ruled cells
 * give it, a line whose expense label is blank printing its 行次 under the header's 行次 ("国有资本经营预算财政拨款 | 31 | |
 * | 63") — a line's number, no amount. The fixtures are the pages' lines as each reading gives them.
 */
class XianFinalLayoutsTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();
    private static final String UNIT = "西安市卫生健康委员会（汇总）";

    private static final List<String> TURNED = List.of(
            "\f                                  财政拨款“三公”经费及会议费、培训费支出决算表",
            "",
            "                                                                                                                 公开09表",
            "",
            "编制部门：西安市卫生健康委员会（汇总）                                                                                        金额单位：万元",
            "                                   财政拨款安排的“三公”经费",
            "                                           公务用车购置及运行维护费",
            " 项目                    因公出国（境）费                                                              会议费             培训费",
            "         小计                                                      公务用车运行维护        公务接待费",
            "                          用         小计            公务用车购置费",
            "                                                                    费",
            " 栏次      1                2         3               4               5             6          7               8",
            "预算数           593.46                     591.60         136.48          455.12        1.86         86.81         2,795.78",
            "决算数           587.55                     587.44         136.48          450.96        0.11         86.81         2,795.78",
            "注：本表反映部门本年度财政拨款“三公”经费、会议费、培训费的支出预决算情况。其中，预算数为全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结",
            "转资金安排的实际支出。本表金额转换为万元时，因四舍五入可能存在尾差。"
    );

    private static final List<String> SUMMARY = List.of(
            "财政拨款收入支出决算总表",
            "公开04表",
            "编制部门：西安市卫生健康委员会（汇总） 金额单位：万元",
            "收入\t支出",
            "项目\t行次\t金额\t项目\t行次\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款",
            "栏次\t\t1\t栏次\t\t2\t3\t4\t5",
            "一、一般公共预算财政拨款\t1\t296,030.91\t一、一般公共服务支出\t33\t56.00\t56.00\t\t",
            "二、政府性基金预算财政拨款\t2\t509,220.66\t二、外交支出\t34\t\t\t\t",
            "三、国有资本经营财政拨款\t3\t\t三、国防支出\t35\t\t\t\t",
            "\t4\t\t四、公共安全支出\t36\t\t\t\t",
            "\t5\t\t五、教育支出\t37\t4,902.65\t4,902.65\t\t",
            "\t6\t\t六、科学技术支出\t38\t\t\t\t",
            "\t7\t\t七、文化旅游体育与传媒支出\t39\t\t\t\t",
            "\t8\t\t八、社会保障和就业支出\t40\t10,657.37\t10,657.37\t\t",
            "\t9\t\t九、卫生健康支出\t41\t271,800.87\t271,800.87\t\t",
            "\t10\t\t十、节能环保支出\t42\t\t\t\t",
            "\t11\t\t十一、城乡社区支出\t43\t\t\t\t",
            "\t12\t\t十二、农林水支出\t44\t\t\t\t",
            "\t13\t\t十三、交通运输支出\t45\t\t\t\t",
            "\t14\t\t十四、资源勘探工业信息等支出\t46\t\t\t\t",
            "\t15\t\t十五、商业服务业等支出\t47\t\t\t\t",
            "\t16\t\t十六、金融支出\t48\t\t\t\t",
            "\t17\t\t十七、援助其他地区支出\t49\t\t\t\t",
            "\t18\t\t十八、自然资源海洋气象等支出\t50\t\t\t\t",
            "\t19\t\t十九、住房保障支出\t51\t8,630.85\t8,630.85\t\t",
            "\t20\t\t二十、粮油物资储备支出\t52\t\t\t\t",
            "\t21\t\t二十一、国有资本经营预算支出\t53\t\t\t\t",
            "\t22\t\t二十二、灾害防治及应急管理支出\t54\t\t\t\t",
            "\t23\t\t二十三、其他支出\t55\t568,051.63\t\t568,051.63\t",
            "\t24\t\t二十四、债务还本支出\t56\t\t\t\t",
            "\t25\t\t二十五、债务付息支出\t57\t\t\t\t",
            "\t26\t\t二十六、抗疫特别国债安排的支出\t58\t\t\t\t",
            "本年收入合计\t27\t805,251.56\t本年支出合计\t59\t864,099.38\t296,047.75\t568,051.63\t",
            "年初结转和结余\t28\t58,926.37\t年末结转和结余\t60\t78.55\t78.55\t\t",
            "一般公共预算财政拨款\t29\t95.39\t\t61\t\t\t\t",
            "政府性基金预算财政拨款\t30\t58,830.98\t\t62\t\t\t\t",
            "国有资本经营预算财政拨款\t31\t\t\t63\t\t\t\t",
            "总计\t32\t864,177.93\t总计\t64\t864,177.93\t296,126.29\t568,051.63\t",
            "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。本表金额转换为万元时，因四舍五入可能存在尾差。"
    );

    private static DisclosureTable table(List<String> lines, String title) {
        ShapeReader.Result r = ShapeReader.read(new ArrayList<>(lines), LIB.profile("national-final-2016"), LIB.year(2022), UNIT, AgencyKind.DEPARTMENT, 2022);
        return r.tables().stream().filter(x -> x.title().startsWith(title)).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
    }

    @Test
    void aTurnedTablesAmountsAreInTheColumnsItsHeaderNumbersBlankCellsKept() {
        DisclosureTable t = table(TURNED, "财政拨款“三公”经费");
        assertThat(t.empty()).isFalse();
        Row row = t.rows().get(0);
        assertThat(row.kind()).isEqualTo(RowKind.TOTAL);
        // 合计 | 因公出国（境）费 (blank) | 车辆小计 | 购置 | 运行维护 | 公务接待, 预算数 then 决算数; 会议费 and 培训费 no column of the template's
        assertThat(row.values()).containsExactly(bd("593.46"), bd("587.55"), null, null, bd("591.60"), bd("587.44"),
                bd("136.48"), bd("136.48"), bd("455.12"), bd("450.96"), bd("1.86"), bd("0.11"));
    }

    @Test
    void aRowNumberUnderTheHeadersRowNumberColumnIsNoAmount() {
        DisclosureTable t = table(SUMMARY, "财政拨款收入支出决算总表");
        Row state = t.rows().stream().filter(r -> r.name().contains("国有资本经营预算财政拨款")).findFirst().orElseThrow(() -> new AssertionError(t.rows()));
        assertThat(state.values()).containsOnlyNulls();
        Row general = t.rows().stream().filter(r -> r.name().equals("一、一般公共预算财政拨款")).reduce((a, b) -> b).orElseThrow();
        assertThat(general.values()).containsExactly(bd("95.39"), null, null, null);
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }
}
