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
 * A fixed table's total row as 西安's tables print it in a PDF's cells (tab layout): after a serial number (2022's 序号
 * column, "1 | | 合计 | 17159700 | ") and before a text column left blank (项目简介, 说明) under a header not laid out in
 * cells (表12's, of merged cells over three lines: "合计 | 4 | … | 4,020,000.00 | " — 4 is its 数量). The profile
 * (xian-2026) reads 表10 and 表12 for their 合计.
 */
class FixedTotalRowTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    private static final List<String> PAGES = List.of(
            "表10",
            "2022年部门综合预算专项业务经费支出表",
            "金额单位：元",
            "序号\t单位编码\t单位（项目）名称\t项目金额\t项目简介",
            "1\t\t合计\t17159700\t",
            "2\t234001\t西安市气象局\t17159700\t",
            "3\t\t防雷及气象执法经费\t285000\t防雷三方机构服务、法律顾问费用，日常维持等",
            "表12",
            "部门综合预算政府采购（资产配置、购买服务）预算表",
            "单位：元",
            "部门预算政府预算",
            "科目编码 支出经济支出经济",
            "单位编码 采购项目 采购目录 购买服务内容 规格型号 数量 实施采购时间 预算金额 说明",
            "类 款 项 类 款 类 款",
            "合计\t4\t\t\t\t\t\t4,020,000.00\t",
            "201\t08\t01\t1\t全额\t\t\t\t2\t\t\t\t\t\t370,000.00\t");

    private static DisclosureTable table(String mark) {
        ShapeReader.Result r = ShapeReader.read(new ArrayList<>(PAGES), LIB.profile("xian-2026"), LIB.year(2026), "西安市气象局", AgencyKind.DEPARTMENT, 2026);
        return r.tables().stream().filter(t -> t.mark().equals(mark)).findFirst().orElseThrow(() -> new AssertionError(mark + " not read: " + r.notes()));
    }

    private static BigDecimal total(DisclosureTable t) {
        Row row = t.rows().stream().filter(r -> r.kind() == RowKind.TOTAL).findFirst().orElseThrow(() -> new AssertionError("no total: " + t.rows()));
        return row.value(0);
    }

    @Test
    void aTotalRowAfterItsSerialNumberIsRead() {
        // in 万元, as every table read is kept (the document prints 元)
        assertThat(total(table("表10"))).isEqualByComparingTo("1715.97");
    }

    @Test
    void aTotalRowIsReadFromItsAmountsBeforeABlankTextColumn() {
        assertThat(total(table("表12"))).isEqualByComparingTo("402");
    }
}
