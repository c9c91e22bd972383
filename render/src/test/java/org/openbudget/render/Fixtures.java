package org.openbudget.render;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.Overview;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.disclosure.text.Staffing;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;

/** The three example datasets of examples/, and a hand-built DocumentText to exercise the text layout. */
public final class Fixtures {
    public static final List<String> EXAMPLES = List.of(
            "urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024");
    /** The 决算 (final accounts) examples: laid out under the 决算 profiles. */
    public static final List<String> FINAL_EXAMPLES = List.of("urumqi-sme-center-final-2024", "urumqi-industry-it-bureau-final-2024");

    private static final Workspace WORKSPACE = new Workspace(ReferenceLibrary.standard());

    private Fixtures() {}

    public static Path examplesDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples/urumqi-sme-center-2024"))) return p.resolve("examples");
        }
        throw new IllegalStateException("examples/ not found above " + Path.of("").toAbsolutePath());
    }

    public static Workspace.Loaded load(String example) {
        return WORKSPACE.load(examplesDir().resolve(example));
    }

    /** A hand-built text (overview, sections with sub-headings, performance tables, glossary, closing). */
    public static DocumentText sampleText(Disclosure d) {
        String u = d.unitName();
        Overview ov = new Overview(
                List.of("按照相关规定，为全市中小企业发展提供信息、咨询、技术、创业、培训、市场和法律等专业化服务。",
                        "指导中小企业公共服务网络平台体系建设，推动中小企业服务体系和信用担保体系建设。"),
                List.of(), List.of("综合部", "信息研究与资源共享部"),
                new Staffing(14, 35, 14, 0, 21, -2, 0, 0));
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("一", "关于" + u + "2024年收支预算情况的总体说明", List.of(
                "按照全口径预算的原则，" + u + "2024年所有收入和支出均纳入单位预算管理。收支总预算 304.15 万元。",
                "收入预算包括：一般公共预算。")));
        sections.add(new Section("五", "关于" + u + "2024年一般公共预算当年拨款情况说明", List.of(
                "（一）一般公共预算当年拨款规模变化情况",
                u + "2024年一般公共预算拨款合计 304.15 万元，其中：基本支出 269.82 万元，比上年预算增加 10.00 万元，增长 3.85%。",
                "（二）一般公共预算当年拨款结构情况",
                "1、科学技术支出（类）34.33 万元，占 11.29%。")));
        sections.add(new Section("十二", "其他重要事项的情况说明", List.of(
                "（一）单位运行经费情况",
                u + "2024年的事业单位运行经费财政拨款预算 20.65 万元。",
                "（四）预算绩效情况",
                "2024年，本单位预算绩效管理整体预算绩效目标 1 个，涉及金额 304.15 万元。具体情况见下表（按项目分别填报）：",
                "（五）其他需说明的事项",
                "本单位无其他需说明事项。")));
        List<PerformanceTable> perf = List.of(
                new PerformanceTable("整体", u, "", "", "张三", new BigDecimal("304.15"), new BigDecimal("304.15"),
                        BigDecimal.ZERO, "为全市中小企业发展提供专业化服务。", List.of(
                        new PerformanceTable.Indicator("履职效能", "数量指标", "发布惠企政策信息", "≥150 条", "2024年工作计划", "", null, "", ""))),
                new PerformanceTable("项目", u, "P1", "信息化运维项目", "李四", new BigDecimal("34.33"), new BigDecimal("34.33"),
                        BigDecimal.ZERO, "确保平台的持续、高效运行。", List.of(
                        new PerformanceTable.Indicator("产出指标", "数量指标", "开展惠企政策培训", "=6 场", "计划标准", "6 场", new BigDecimal("10"), "按照完成比例赋分", "工作资料"),
                        new PerformanceTable.Indicator("产出指标", "数量指标", "服务企业", ">=300 家", "计划标准", "300 家", new BigDecimal("40"), "按照完成比例赋分", "工作资料"),
                        new PerformanceTable.Indicator("效益指标", "社会效益指标", "确保平台免受网络攻击", "确保", "计划标准", "确保", new BigDecimal("30"), "按评判等级赋分", "说明材料"),
                        new PerformanceTable.Indicator("满意度指标", "满意度指标", "项目支持企业满意度", ">=95%", "历史标准", "90%", new BigDecimal("10"), "满意度赋分", "正式材料"))));
        List<DocumentText.GlossaryEntry> glossary = List.of(
                new DocumentText.GlossaryEntry("财政拨款", "指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数。"),
                new DocumentText.GlossaryEntry("基本支出", "包括人员经费、公用经费（定额）。"));
        List<TextFact> facts = List.of(new TextFact("一", "", "total", "收支总预算", FactKind.AMOUNT,
                new BigDecimal("304.15"), "", "", List.of(), "表1 收入总计", "收支总预算 304.15 万元。"));
        return new DocumentText(ov, sections, facts, perf, glossary, u, "2024年2月22日");
    }
}
