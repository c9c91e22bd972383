package org.openbudget.audit.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * A project table whose last column is text (广州's 绩效目标: a paragraph beside each project, as long as it takes), as
 * pdftotext -layout prints it: the paragraph's lines around the project's line of amounts, its first lines at the top of
 * a page above the page's first project, between the lines of a wrapped name; a sentence numbered "2." printed one
 * space after the amounts. The fixtures are 广州 交通运输局's 表12 (five of its pages, as printed) and its 表2, whose
 * amounts stand one space apart.
 */
class TextBesideRowsTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    /** 表12's first page (its 合计 and first unit), and the tops of its pages 26, 28, 66 and 72. */
    static final List<String> PROJECTS = List.of(
            "\f                                                                                                                       表12",
            "",
            "                                             部门预算项目支出及其他支出预算表",
            "",
            "单位名称：广州市交通运输局                                                                                                      单位：万元",
            "                                                  财政拨款",
            "支出项目类别（资金使用单                                                                     财政专 其他资",
            "                   总计                      一般公共预         政府性基金        国有资本经                               绩效目标",
            "     位）                         合计                                               户拨款     金",
            "                                              算            预算          营预算",
            "     合计          528,365.17   528,365.17   353,289.84    175,075.32       0.00    0.00   0.00",
            "广州市交通运输局         321,794.07   321,794.07   321,794.07          0.00       0.00    0.00   0.00",
            "                                                                                                通过开展组织相关业务干部组成公务团组出国（境）交",
            "                                                                                                流学习，主要达到如下目标：加强与相关国家或地区的",
            "  因公出国（境）经费          40.00        40.00        40.00           0.00       0.00    0.00   0.00 交流，广泛吸收和借鉴世界各地在交通运输行业管理方",
            "                                                                                                面的先进经验，推动广州交通产业“整船出海”，提升",
            "                                                                                                交通运输行业管理和服务水平。",
            "                                                                                                通过开展广州市交通运输局2021年综合交通监控融合管",
            "                                                                                                理平台（二期）项目，主要达到以下目标：在综合交通",
            "                                                                                                监控融合展示平台（一期）基础上，对照市交通运输局",
            "                                                                                                机构职能调整情况，增加全市道路、路面与设施、道路",
            "                                                                                                管养等基础设施建设以及综合预警分析、节假日交通事",
            "                                                                                                件等模块，对出租、公交、高速、航空、火车等各行业",
            "                                                                                                交通整体状况进行监控预警，丰富展示数据的维度，实",
            "  广州市交通运输局2021                                                                                  现更全面的行业数据的覆盖，实现更精准的数据监测、",
            "年综合交通监控融合管理平           1.60         1.60          1.60         0.00       0.00    0.00   0.00 更丰富的展示风格。以“一网统管、全城统管”为目",
            "台（二期）项目                                                                                         标，结合广州市交通运输局机构改革后的职能转变，全",
            "                                                                                                面覆盖交通行业的监控与管理，包含交通规划、建设、",
            "                                                                                                管理、养护和道路运输、新业态等，为各类交通问题的",
            "                                                                                                事前预防，事中控制，事后处理提供交通管理措施和方",
            "                                                                                                案制定提供数据支撑，打造一个运用大数据、人工智能",
            "                                                                                                等新一代信息技术的智慧平台，为“穗智管”城市运行",
            "                                                                                                管理中枢的交通管理主题模块提供预警监测、实时分",
            "                                                                                                析、集中研判等，提高交通管理服务水平。",
            "",
            "",
            "",
            "\f                                       财政拨款",
            "支出项目类别（资金使用单                                                       财政专 其他资",
            "               总计                一般公共预      政府性基金     国有资本经                                  绩效目标",
            "       位）               合计                                         户拨款     金",
            "                                   算          预算       营预算",
            "                                                                                  通过开展广州市交通运输局热线服务项目，主要达到如",
            "                                                                                  下目标：按照市、局两级有关热线工作制度规定要求，",
            "                                                                                  组建不少于10人的热线工单办理业务团队，完成市民通",
            "  广州市交通运输局热线",
            "               110.00   110.00     110.00      0.00         0.00    0.00   0.00 过市12345政府服务热线等各种渠道反映的工单的分发、",
            "服务经费",
            "                                                                                  跟进、沟通、协调、考核通报、数据分析及12345热线市",
            "                                                                                  交通运输局知识库的管理工作，保障项目内各项业务开",
            "                                                                                  展规范高效、响应及时，并符合有关保密要求。",
            "                                                                                  通过开展职称评审认定工作，主要达到如下目标：通过",
            "                                                                                  开展广州市工程系列交通运输工程专业职称评审和大中",
            "  职称评审认定工作经费    40.00    40.00     40.00       0.00         0.00    0.00   0.00",
            "                                                                                  专毕业生职称认定等系列工作，激励专业技术人才职业",
            "                                                                                  发展，提高广州市交通专业技术人才队伍建设水平。",
            "                                                                                  通过开展驻局纪检监察专项工作，主要达到如下目标：",
            "                                                                                  1.定期对综合监督部门开展监督检查、有效进行监督；",
            "  驻局纪检监察工作经费    13.00    13.00     13.00       0.00         0.00    0.00   0.00 2.信访件办结率达到85%；3.案件办结率达到85%；4.监",
            "                                                                                  督检查发现问题整改率达到90%；5.有效提升交通系统纪",
            "                                                                                  检监察干部队伍素质能力。",
            "                                                                                  通过交通执法航道巡察工作，主要达到如下目标：1.保",
            "  车船运行维护费       72.00    72.00     72.00       0.00         0.00    0.00   0.00 障执法船舶正常运行，全年完成80次以上船巡工作；2.",
            "                                                                                  不发生辖区航道执法安全责任事故。",
            "                                                                                  通过开展路政管理相关工作，主要达到如下目标：委托",
            "                                                                                  第三方机构开展“广州市占用挖掘道路项目监测数据标",
            "                                                                                  准化分析”，按照相关标准化指标体系对全市占用挖掘",
            "                                                                                  道路项目落实行政监管、文明施工、段长自查自检、舆",
            "                                                                                  情投诉处置等管理要求情况进行多维度数据分析，定期",
            "\f                                            财政拨款",
            "支出项目类别（资金使用单                                                             财政专 其他资",
            "                    总计                一般公共预        政府性基金     国有资本经                                   绩效目标",
            "        位）                   合计                                          户拨款     金",
            "                                        算           预算        营预算",
            "                                                                                        通过开展广州市交通站场建设管理中心公交站场站点视",
            "                                                                                        频系统建设，主要达到如下目标：1.完成中心城区561个",
            "                                                                                        公交站场，新建1038个二类高清视频监控点，涉恐站场",
            "                                                                                        部分点位采用具有智能分析功能的采集设备。前端摄像",
            "                                                                                        机支持H.265或SVAC，兼容H.264等编码技术，室外立杆",
            "     广州市交通站场建设管",
            "                                                                                        或壁挂安装；通过租赁模式进行建设，租赁期为五年；",
            "理中心公交站场站点视频系        417.13   417.13     417.13        0.00        0.00    0.00   0.00",
            "                                                                                        传输网络的建设，包括接入点、汇聚节点、核心节点以",
            "统建设项目",
            "                                                                                        及各网络层级之间链路；后台存储容量，包括容量、存",
            "                                                                                        储模式，以及与监控中心的视频转发等。2.完成8个监控",
            "                                                                                        中心，包括监控中心改造、大屏幕显示系统（显示墙、",
            "                                                                                        矩阵等）、综合布线、监控终端以及不间断电源、传输",
            "                                                                                        链路租赁等。",
            "\f                                                财政拨款",
            "支出项目类别（资金使用单                                                                  财政专 其他资",
            "                    总计                    一般公共预        政府性基金       国有资本经                                  绩效目标",
            "        位）                     合计                                             户拨款     金",
            "                                            算           预算          营预算",
            "                                                                                             通过开展车陂路-新滘东路隧道工程（黄埔大道至新港",
            "                                                                                             东路）可用性服务及运维绩效服务项目，主要达到如下",
            "                                                                                             目标：根据PPP项目合同向项目公司履行相关政府付费行",
            "     城维计划-车陂路-新滘                                                                             为，包括： 1.以财政资金作为偿付社会资本提供公共服",
            "东路隧道工程（黄埔大道至                                                                                 务投入的建设成本、贷款利息及投资收益等；2.运维期",
            "                    1,200.00   1,200.00         0.00    1,200.00       0.00    0.00   0.00",
            "新港东路）可用性服务及维                                                                                 内社会资本提供项目运营维护服务，符合工程养护相关",
            "护绩效服务项目                                                                                      规范标准和本项目运维绩效考核标准。保证项目上的各",
            "                                                                                             项工程及设施等均处于良好的技术及安全状态，达到服",
            "                                                                                             务水平要求，从而保证项目具有快速、畅通、安全、舒",
            "                                                                                             适、经济的使用功能。",
            "\f                                                财政拨款",
            "支出项目类别（资金使用单                                                                  财政专 其他资",
            "                   总计                     一般公共预        政府性基金       国有资本经                                绩效目标",
            "        位）                     合计                                             户拨款     金",
            "                                            算           预算          营预算",
            "广州市中心区交通项目管理",
            "                  99,734.11   99,734.11     434.11     99,300.00       0.00    0.00   0.00",
            "中心",
            "                                                                                             通过开展槎神大道（鸦岗大道-凤凰大道）工程建设，",
            "     槎神大道（鸦岗大道-                                                                              达到如下绩效目标：完善广州北部及白云区主干线路网",
            "                   4,500.00    4,500.00         0.00    4,500.00       0.00    0.00   0.00",
            "凤凰大道）                                                                                        布局的需要，缓解广清高速及地面道路的交通压力，可",
            "                                                                                             方便出边居民出行，可促进周边经济发展。",
            "                                                                                             通过开展槎神大道（鸦岗大道-北太路）工程建设，达",
            "                                                                                             到如下绩效目标：可改善广州城区至花都区的交通状",
            "     槎神大道（鸦岗大道-",
            "                   9,000.00    9,000.00         0.00    9,000.00       0.00    0.00   0.00 况，加强中心城区与花都区的连接，同时改善广州集装",
            "北太路）",
            "                                                                                             箱中心站、神山装备制造产业园的交通状况，促进地区",
            "                                                                                             经济发展。"
);

    @Test
    void anotherColumnsTextAboveAPagesFirstRowIsNoRow() {
        DisclosureTable t = table(PROJECTS, "部门预算项目支出及其他支出预算表");
        // no line of the 绩效目标 paragraphs is a row of its own (the page tops' "通过开展国防交通动员工作…")
        assertThat(t.rows()).noneMatch(r -> r.name().startsWith("通过开展") || r.name().startsWith("下目标") || r.name().startsWith("组建不少于"));
        assertThat(t.rows()).allMatch(r -> r.values().stream().anyMatch(v -> v != null), "every row has its amounts");
    }

    @Test
    void aRowWhoseTextAfterItsAmountsStartsWithANumberKeepsItsAmounts() {
        // "驻局纪检监察工作经费  13.00 … 0.00 2.信访件办结率达到85%；…": the text after the amounts is no amount
        DisclosureTable t = table(PROJECTS, "部门预算项目支出及其他支出预算表");
        assertThat(first(row(t, "驻局纪检监察工作经费"))).isEqualTo("13.00");
        assertThat(first(row(t, "车船运行维护费"))).isEqualTo("72.00");
    }

    @Test
    void aPagesFirstRowTakesItsNamesLinesAboveAndBelowAcrossTheText() {
        DisclosureTable t = table(PROJECTS, "部门预算项目支出及其他支出预算表");
        // "     广州市交通站场建设管" / 绩效目标 / "理中心公交站场站点视频系  417.13 …" / 绩效目标 / "统建设项目"
        assertThat(first(row(t, "广州市交通站场建设管理中心公交站场站点视频系统建设项目"))).isEqualTo("417.13");
        // two lines above, two below (page 66)
        assertThat(first(row(t, "城维计划-车陂路-新滘东路隧道工程（黄埔大道至新港东路）可用性服务及维护绩效服务项目"))).isEqualTo("1200.00");
        // a unit whose name holds 项目 (page 72): "广州市中心区交通项目管理" / amounts / "中心"
        assertThat(first(row(t, "广州市中心区交通项目管理中心"))).isEqualTo("99734.11");
        assertThat(first(row(t, "广州市交通运输局热线服务经费"))).isEqualTo("110.00");
        assertThat(t.rows()).noneMatch(r -> r.name().equals("中心") || r.name().equals("广州市交通站场建设管"));
    }

    /** 表2's first page: amounts one space apart ("632,065.70 456,990.37 175,075.32"), names wrapped around them. */
    private static final List<String> INCOME = List.of(
            "\f                                                                                                                                表2",
            "",
            "                                               收入总体情况表",
            "",
            "单位名称：广州市交通运输局                                                                                                           单位：万元",
            "                                         财政拨款收入                       财政专户拨款收入              其他资金收入",
            "                                                                                                                       附属单",
            "                                                                                               事业单             上级补             上年结",
            "       单位名称          合计          一般公共预 政府性基金 国有资本经                             其他专户 事业收                其他收             位上缴",
            "                                                                      教育收费                     位经营             助收入             转结余",
            "                                   算          预算          营预算                  收入拨款     入               入              收入",
            "                                                                                               收入",
            "       合计           632,065.70 456,990.37 175,075.32           0.00     0.00     0.00   0.00    0.00    0.00    0.00    0.00    0.00",
            "广州市交通运输局            360,549.97 360,549.97         0.00         0.00     0.00     0.00   0.00    0.00    0.00    0.00    0.00    0.00",
            "广州市交通管理总站            9,130.18     9,130.18        0.00         0.00     0.00     0.00   0.00    0.00    0.00    0.00    0.00    0.00",
            "广州市客运交通管理处           4,988.31     4,988.31        0.00         0.00     0.00     0.00   0.00    0.00    0.00    0.00    0.00    0.00",
            "广州市机动车维修与驾驶员培训行业管",
            "                     1,515.01     1,515.01        0.00         0.00     0.00     0.00   0.00    0.00    0.00    0.00    0.00    0.00",
            "理处",
            "广州市交通工程质量监督站（广州市交",
            "                     2,704.59     2,704.59        0.00         0.00     0.00     0.00   0.00    0.00    0.00    0.00    0.00    0.00",
            "通工程造价管理站）",
            "广州市道路养护中心东城养护所      18,949.67     8,643.80   10,305.87         0.00     0.00     0.00   0.00    0.00    0.00    0.00    0.00    0.00",
            "广州市道路养护中心北城养护所      14,191.17     7,064.10    7,127.07         0.00     0.00     0.00   0.00    0.00    0.00    0.00    0.00    0.00"
);

    @Test
    void amountsASpaceApartAreColumnsLaidOutTightNotCellsRunTogether() {
        DisclosureTable t = table(INCOME, "收入总体情况表");
        // read by where the amounts are, the names wrapped around their amounts joined (not as plain text, a name's
        // last line running into the next row's)
        assertThat(first(row(t, "广州市机动车维修与驾驶员培训行业管理处"))).isEqualTo("1515.01");
        assertThat(first(row(t, "广州市交通工程质量监督站（广州市交通工程造价管理站）"))).isEqualTo("2704.59");
        Row east = row(t, "广州市道路养护中心东城养护所");
        assertThat(east.values().subList(0, 3)).extracting(v -> v.toPlainString()).containsExactly("18949.67", "8643.80", "10305.87");
    }

    private static DisclosureTable table(List<String> lines, String title) {
        ShapeReader.Result r = ShapeReader.read(new ArrayList<>(lines), LIB.profile("guangzhou-2026"), LIB.year(2026), "广州市交通运输局", AgencyKind.DEPARTMENT, 2026);
        return r.tables().stream().filter(x -> x.title().equals(title)).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
    }

    private static Row row(DisclosureTable t, String name) {
        return t.rows().stream().filter(r -> r.name().replace(" ", "").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not read: " + t.rows().stream().map(Row::name).toList()));
    }

    private static String first(Row r) {
        return r.values().get(0).toPlainString();
    }
}
