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
 * A name wrapped under its row's line whose further cells are printed right of it (烟台 教育局's 公开表11 项目支出预算情况表:
 * "生均公用经费及运转补助-义务教育阶段特殊教育学校和随班就读残疾学   特定目标类     94.50 …" / "生生均公用经费"): the line
 * under it joins the name, not the 项目类别 after it.
 */
class NameBesideCellsTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    /** 公开表11's second page, as printed (runs of blank lines made one). */
    private static final List<String> PROJECTS = List.of(
            "\f                                                                                                                  公开表11",
            "",
            "                                           项目支出预算情况表",
            "部门（单位）：烟台市教育局                                                                                                    单位：万元",
            "",
            "                                                                   财政拨款",
            "                                                                                    财政专户管                使用非财政",
            "                项目名称                项目类别   合计                   一般公共预 政府性基金 国有资本经    理资金       单位资金      拨款结余    上年结转",
            "                                                     小计           算    预算    营预算",
            "外聘人员经费                             其他运转类    135.75                                    135.75",
            "",
            "学生资助补助资金-中职教育学生资助（免学费）             特定目标类    705.80     705.80     705.80",
            "",
            "学生资助补助资金（非三保）                      特定目标类     36.28      10.78      10.78               25.50",
            "",
            "学生资助补助资金-中职教育学生资助（助学金）             特定目标类     37.80      37.80      37.80",
            "",
            "设备购置和维修改造资金                        特定目标类    392.70     392.70     392.70",
            "",
            "新校区建设尾款                            特定目标类    116.89     116.89     116.89",
            "",
            "专项债券利息                             特定目标类     51.98      51.98              51.98",
            "",
            "安保经费                               其他运转类     25.20      25.20      25.20",
            "",
            "班主任补贴和校长职级工资经费                     其他运转类     23.28      23.28      23.28",
            "",
            "外聘人员经费                             其他运转类     78.90      78.90      78.90",
            "",
            "实施公车统管                             其他运转类      5.00       5.00       5.00",
            "",
            "生均公用经费（非三保）                        其他运转类    116.24     116.24     116.24",
            "",
            "运转补助经费（非三保）                        其他运转类     17.85                                               17.85",
            "",
            "生均公用经费及运转补助-义务教育阶段特殊教育学校和随班就读残疾学   特定目标类     94.50      94.50      94.50",
            "生生均公用经费",
            "",
            "学生资助补助资金（非三保）                      特定目标类    162.32     162.32     162.32",
            "");

    @Test
    void theLineUnderANameJoinsItsNameNotTheCellAfterIt() {
        ShapeReader.Result r = ShapeReader.read(new ArrayList<>(PROJECTS), LIB.profile("yantai-2026"), LIB.year(2026), "烟台市教育局", AgencyKind.DEPARTMENT, 2026);
        DisclosureTable t = r.tables().stream().filter(x -> x.title().equals("项目支出预算情况表")).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
        Row row = t.rows().stream().filter(x -> x.name().startsWith("生均公用经费及运转补助-义务教育阶段")).findFirst().orElseThrow();
        assertThat(row.name()).isEqualTo("生均公用经费及运转补助-义务教育阶段特殊教育学校和随班就读残疾学生生均公用经费");
        assertThat(row.values().get(0).toPlainString()).isEqualTo("94.50");
        assertThat(t.rows()).noneMatch(x -> x.name().contains("特定目标类"));
    }
}
