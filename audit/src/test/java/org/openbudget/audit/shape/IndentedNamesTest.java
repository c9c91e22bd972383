package org.openbudget.audit.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * Project names wrapped in a cell that indents its first line ({@link FirstLineIndent}), as pdftotext -layout prints
 * 广州's 表12: a name's first line a few characters right of its wrapped lines, the 绩效目标 paragraph beside it between
 * them. The row above does not take the next name's first line below its amounts, the row below does not take the lines
 * above that first line; a name's last character alone on its line (项) is the name's, the table having no level columns.
 * The fixtures are pages of 广州 人民政府办公厅's and 交通运输局's 表12, as printed.
 */
class IndentedNamesTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    /** 人民政府办公厅's 表12: its first page's top, then its last page. */
    private static final List<String> OFFICE = List.of(
            "\f                                                                                                             表12",
            "",
            "                                      部门预算项目支出及其他支出预算表",
            "",
            "单位名称：广州市人民政府办公厅                                                                                           单位：万元",
            "                                           财政拨款",
            "支出项目类别（资金使用单                                                           财政专 其他资",
            "               总计                    一般公共预       政府性基金     国有资本经                                绩效目标",
            "     位）                   合计                                           户拨款     金",
            "                                       算          预算        营预算",
            "    合计         1,497.06   1,497.06    1,497.06      0.00        0.00    0.00   0.00",
            "\f                                            财政拨款",
            "支出项目类别（资金使用单                                                             财政专 其他资",
            "                    总计                一般公共预        政府性基金     国有资本经                                 绩效目标",
            "       位）                    合计                                          户拨款     金",
            "                                        算           预算        营预算",
            "                                                                                        1. 完成新增系统功能：主要包括新增任务标签、新增",
            "                                                                                        领导批示、进行统计分析，保障督办工作顺利落实。",
            "    广州市人民政府办公厅",
            "                                                                                        2. 完成移动端升级优化，使市领导及督查工作人员及时",
            "2025年度政务信息化建设项       26.20    26.20     26.20         0.00        0.00    0.00   0.00",
            "                                                                                        掌握任务进展，支撑领导决策。 3. 实现相关系统对",
            "目",
            "                                                                                        接，与现有OA、短信、粤政易等系统深入融合，进一步",
            "                                                                                        推动督办工作顺利开展。",
            "广州地区公文交换站（广州",
            "                     65.15    65.15     65.15         0.00        0.00    0.00   0.00",
            "市人民政府公报编辑部）",
            "                                                                                        一是为各单位在交换站进行公文交换提供优质服务，保",
            "                                                                                        障广州地区公文交换工作正常运转，确保公文流转安",
            "                                                                                        全、及时、准确。二是编印《广州市人民政府公报》，",
            "    专项工作经费           56.15    56.15     56.15         0.00        0.00    0.00   0.00",
            "                                                                                        刊登市政府、市政府办公厅主动公开的普发文、规范性",
            "                                                                                        文件，及市政府各部门规范性文件，发挥传达政令、宣",
            "                                                                                        传政策、指导工作、服务社会的作用。",
            "                                                                                        保障日常工作顺利开展，提高工作效率，按规定完善办",
            "    购置经费              1.02     1.02         1.02      0.00        0.00    0.00   0.00",
            "                                                                                        公设备配置。",
            "                                                                                        通过开展运维服务，保障纸质公文智能交换系统的安全",
            "    广州地区公文交换站",
            "                                                                                        稳定运行，提升信息化业务系统、日常维护工作及业务",
            "(广州市人民政府公报编辑",
            "                      3.18     3.18         3.18      0.00        0.00    0.00   0.00 处理能力，依据我单位目前运维现状，本项目从维护服",
            "部)2025-2026年度信息化运",
            "                                                                                        务的数量、质量、时效、成本、效益等方面考核运维绩",
            "维服务",
            "                                                                                        效。",
            "                                                                                        通过开展运维服务，保障纸质公文智能交换系统的安全",
            "    广州地区公文交换站",
            "                                                                                        稳定运行，提升信息化业务系统、日常维护工作及业务",
            "(广州市人民政府公报编辑",
            "                      4.80     4.80         4.80      0.00        0.00    0.00   0.00 处理能力，依据我单位目前运维现状，本项目从维护服",
            "部)2026-2027年度信息化运",
            "                                                                                        务的数量、质量、时效、成本、效益等方面考核运维绩",
            "维服务",
            "                                                                                        效。",
            "注：无。");

    /** 交通运输局's 表12: its first page's top (its 合计 row). */
    private static final List<String> TRANSPORT_HEAD = TextBesideRowsTest.PROJECTS.subList(0, 11);

    /** 交通运输局's 表12, its page 48's top. */
    private static final List<String> TRANSPORT_PAGE = List.of(
            "\f                                             财政拨款",
            "支出项目类别（资金使用单                                                               财政专 其他资",
            "                 总计                    一般公共预        政府性基金       国有资本经                                   绩效目标",
            "       位）                   合计                                             户拨款     金",
            "                                         算           预算          营预算",
            "                                                                                          通过开展广园快速路运营管理工作，主要达到如下目",
            "                                                                                          标：1.日常巡查完成率为100%，确保广园快速路的正常",
            "   城维计划-广园快速路",
            "                   600.00     600.00         0.00      600.00       0.00    0.00   0.00 秩序及通行能力；2.不发生重大安全生产责任事故；3.",
            "运营管理",
            "                                                                                          面向中小企业预留政府采购份额，促进中小企业发展。",
            "                                                                                          4.运营成本费用不高于20万元/人·年。",
            "                                                                                          通过开展城维计划-广园快速路养护专项工作，主要达",
            "                                                                                          到如下目标：1.已实施项目验收合格率100%；2.项目工",
            "   城维计划-广园快速路                                                                             程监理覆盖率为100%；3.工程质量满足规范要求；4.不",
            "                 2,560.83   2,560.83         0.00    2,560.83       0.00    0.00   0.00",
            "2026年度养护专项                                                                                发生重大安全生产责任事故；5.面向中小企业预留政府",
            "                                                                                          采购份额：合法合规；6.项目支出金额不超出项目预算",
            "                                                                                          批复金额。",
            "                                                                                          通过开展广园快速路社会治安与城市管理智能化视频系",
            "                                                                                          统租赁服务工作，主要达到如下目标：1.单点前端高清",
            "                                                                                          视频图像采集点（道路监控续租）租赁单价≤400元/",
            "   广州市道路养护中心东",
            "                                                                                          月；2.单点前端高清视频图像采集点（卡口监控续租）",
            "城养护所2024年广园快速路",
            "                   50.35      50.35      50.35           0.00       0.00    0.00   0.00 租赁单价≤1000元/月；3.单点前端高清视频图像采集点",
            "社会治安与城市管理智能化",
            "                                                                                          （道路监控新建）租赁单价≤600元/月；4.项目服务周",
            "视频系统租赁服务项目",
            "                                                                                          期内租赁前端高清视频图像采集点数量：146个；5.视频",
            "                                                                                          正常运行率≥95%；6.年度内发生系统安全事故少于5",
            "                                                                                          宗。",
            "                                                                                          通过开展广州市道路养护中心东城养护所2026年度公路",
            "                                                                                          养护专用设备购置工作，主要达到如下目标：1.（产出",
            "                                                                                          指标）完成4台套养护专用设备购置，购置设备到位及时",
            "   广州市道路养护中心东",
            "                                                                                          率为100%；2.（效益指标）本年度所购置的专用设备",
            "城养护所2026年度公路养护     82.20      82.20      82.20           0.00       0.00    0.00   0.00",
            "                                                                                          中，新能源车购置数量占比为50%；3.（成本指标），采",
            "专用机械购置经费");

    /** 交通运输局's 表12, the foot of its page 73: "财政出资项目的结算专" / amounts / "项". */
    private static final List<String> TRANSPORT_LAST = List.of(
            "                                                                                             通过开展槎神大道（鸦岗大道-北太路）工程建设，达",
            "                                                                                             到如下绩效目标：可改善广州城区至花都区的交通状",
            "     槎神大道（鸦岗大道-",
            "                   9,000.00    9,000.00         0.00    9,000.00       0.00    0.00   0.00 况，加强中心城区与花都区的连接，同时改善广州集装",
            "北太路）",
            "                                                                                             箱中心站、神山装备制造产业园的交通状况，促进地区",
            "                                                                                             经济发展。",
            "                                                                                             通过开展东晓南路-广州南站连接线南段工程建设，达",
            "                                                                                             到如下绩效目标：建成长约5.85公里的城市主干路，本",
            "     东晓南路—广州南站连",
            "                   7,000.00    7,000.00         0.00    7,000.00       0.00    0.00   0.00 项目将改善区域路网布局，加强广州南站与中心城区联",
            "接线南段工程",
            "                                                                                             系，适应交通发展，落实城市总体规划，推动“南拓”",
            "                                                                                             战略发展，促进沿线土地资源的规划和开发。",
            "                                                                                             通过开展康王路下穿流花湖隧道工程建设，达到如下绩",
            "                                                                                             效目标：成为广州市西部城区南北方向的交通要道，可",
            "                                                                                             以缓解中心城区的交通压力，并推动周边城市环境的改",
            "     康王路下穿流花湖隧道    6,900.00    6,900.00         0.00    6,900.00       0.00    0.00   0.00 善。通过该项目的实施，可推进广州城市整体发展战",
            "                                                                                             略，支持广州都市区形成与拓展，加速同城化发展，构",
            "                                                                                             筑都市区康王路生活性干道客运走廊，满足沿线地区人",
            "                                                                                             民出行需求。",
            "                                                                                             通过开展财政出资项目的结算专项工作，达到如下绩效",
            "                                                                                             目标：1.2008年以前城建计划中明确资金来源为市建设",
            "                                                                                             投资发展有限公司出资，且不属于年票制、涉水和垃圾",
            "     财政出资项目的结算专",
            "                  32,380.00   32,380.00         0.00   32,380.00       0.00    0.00   0.00 处理板块的项目，纳入市城建投资集团公司出资范围。",
            "项",
            "                                                                                             结算专项包括但不仅限于投资项目基本情况描述中所列",
            "                                                                                             项目。2.2011年起财政出资项目的结算专项，包括但不",
            "                                                                                             仅限于投资项目基本情况描述中所列项目。",
            "",
            "");

    @Test
    void aNameIndentedOverItsWrappedLinesStartsTheNextRow() {
        DisclosureTable t = table(OFFICE, "广州市人民政府办公厅");
        // "    购置经费  1.02 …" / "    广州地区公文交换站" / "(广州市人民政府公报编辑" / amounts / "部)2025-2026年度信息化运" / "维服务"
        assertThat(first(row(t, "购置经费"))).isEqualTo("1.02");
        assertThat(first(row(t, "广州地区公文交换站(广州市人民政府公报编辑部)2025-2026年度信息化运维服务"))).isEqualTo("3.18");
        assertThat(first(row(t, "广州地区公文交换站(广州市人民政府公报编辑部)2026-2027年度信息化运维服务"))).isEqualTo("4.80");
        assertThat(t.rows()).noneMatch(r -> r.name().equals("维服务"));
    }

    @Test
    void theRowAboveLeavesTheNextNamesFirstLine() {
        DisclosureTable t = table(Stream.concat(TRANSPORT_HEAD.stream(), TRANSPORT_PAGE.stream()).toList(), "广州市交通运输局");
        assertThat(first(row(t, "城维计划-广园快速路2026年度养护专项"))).isEqualTo("2560.83");
        assertThat(first(row(t, "广州市道路养护中心东城养护所2024年广园快速路社会治安与城市管理智能化视频系统租赁服务项目"))).isEqualTo("50.35");
        assertThat(first(row(t, "广州市道路养护中心东城养护所2026年度公路养护专用机械购置经费"))).isEqualTo("82.20");
    }

    @Test
    void aLoneLevelWordIsANamesEndInATableWithoutLevelColumns() {
        DisclosureTable t = table(Stream.concat(TRANSPORT_HEAD.stream(), TRANSPORT_LAST.stream()).toList(), "广州市交通运输局");
        assertThat(first(row(t, "财政出资项目的结算专项"))).isEqualTo("32380.00");
        assertThat(first(row(t, "槎神大道（鸦岗大道-北太路）"))).isEqualTo("9000.00");
    }

    private static DisclosureTable table(List<String> lines, String unit) {
        ShapeReader.Result r = ShapeReader.read(new ArrayList<>(lines), LIB.profile("guangzhou-2026"), LIB.year(2026), unit, AgencyKind.DEPARTMENT, 2026);
        return r.tables().stream().filter(x -> x.title().equals("部门预算项目支出及其他支出预算表")).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
    }

    private static Row row(DisclosureTable t, String name) {
        return t.rows().stream().filter(r -> r.name().replace(" ", "").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not read: " + t.rows().stream().map(Row::name).toList()));
    }

    private static String first(Row r) {
        return r.values().get(0).toPlainString();
    }
}
