package org.openbudget.audit.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.disclosure.RowKind;
import org.openbudget.core.disclosure.Side;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * Tables of 西安 2022 as pdftotext prints them (src/test/resources/pdftotext) with a 序号 column: each row's number one
 * space before its label or code ("1 一、部门预算", "24 302") is no part of them, and a row's line without a number of
 * its own is the row above it, printed lower (科学技术局's and 气象局's 收支总表 and 表6). A row's codes a line above
 * its names ("11  30108  50102" over "机关事业单位基本养老保险  社会保障缴费  1040490.82 …") are one row with them; a
 * second classification's code one space after the name ("其他对个人和家庭的补助 50999") no part of the name; a unit's
 * code one space before its name ("204001 西安市科学技术局") no part of it.
 */
class SerialColumnTest {
    private static final ReferenceLibrary LIB = ReferenceLibrary.standard();

    private static List<String> lines(String name) throws IOException {
        try (InputStream in = SerialColumnTest.class.getResourceAsStream("/pdftotext/" + name)) {
            return new ArrayList<>(Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)));
        }
    }

    private static ShapeReader.Result read(String name) throws IOException {
        return ShapeReader.read(lines(name), LIB.profile("xian-2026"), LIB.year(2022), "西安市气象局", AgencyKind.DEPARTMENT, 2022);
    }

    private static DisclosureTable table(ShapeReader.Result r, String mark) {
        return r.tables().stream().filter(t -> t.mark().equals(mark)).findFirst().orElseThrow(() -> new AssertionError(r.notes()));
    }

    private static String value(Row r) {
        return r.value(0) == null ? null : r.value(0).stripTrailingZeros().toPlainString();
    }

    private static Row line(DisclosureTable t, Side side, String name) {
        return t.rows().stream().filter(r -> r.side() == side && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not read: " + t.rows()));
    }

    private static Row coded(DisclosureTable t, String code) {
        return t.rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(code + " not read: " + t.rows()));
    }

    @Test
    void aSummarysRowNumbersAreNoPartOfItsLabels() throws IOException {
        // 科学技术局's 收支总表, laid out by spaces: "1 一、部门预算   936647884.33 一、部门预算 …", "33 本年收入合计 …"
        ShapeReader.Result r = read("xian-2022-summary.txt");
        DisclosureTable t = table(r, "表1");
        assertThat(value(line(t, Side.INCOME, "一、部门预算"))).isEqualTo("93664.788433");
        assertThat(value(line(t, Side.INCOME, "(1)一般公共预算拨款"))).isEqualTo("93664.788433");
        assertThat(value(line(t, Side.INCOME, "本年收入合计"))).isEqualTo("93664.788433");
        assertThat(value(line(t, Side.INCOME, "上年实户资金余额"))).isEqualTo("721.711563");
        assertThat(value(line(t, Side.INCOME, "收入总计"))).isEqualTo("94386.499996");
        assertThat(line(t, Side.INCOME, "非财政拨款资金结余").value(0)).isNull();
        // the lines of numbers alone ("31", "32") are no label, nor the numbers before a label
        assertThat(r.notes()).noneMatch(n -> n.contains("「1 一、部门预算」") || n.contains("3132") || n.contains("「40 收入总计」"));
    }

    @Test
    void aNumberedRowsLinesBelowItAreItsOwnInASummaryReadByTheOrderOfItsWords() throws IOException {
        // 气象局's 收支总表, its words run together ("1、机关工资福利支出 3055700.00"): row 4's income label over its
        // amount and the expense side's 3、国防支出; "其中：纳入财政专户管理的收费0.00" with no space before its amount
        DisclosureTable t = table(read("xian-2022-weather-summary.txt"), "表1");
        assertThat(coded(t, "203").name()).isEqualTo("国防支出");
        assertThat(value(coded(t, "208"))).isEqualTo("4.469918");
        assertThat(value(coded(t, "220"))).isEqualTo("1880.332332");
        assertThat(coded(t, "215").name()).isEqualTo("资源勘探工业信息等支出");
        assertThat(line(t, Side.INCOME, "其中：纳入财政专户管理的收费").value(0)).isNull();
        assertThat(value(line(t, Side.INCOME, "一、部门预算"))).isEqualTo("1899.901166");
        // 用事业基金弥补收支差额, no line of the template's, leaves the expense side's 结转下年 on its line read
        assertThat(t.rows()).anyMatch(x -> x.side() == Side.EXPENSE && x.name().equals("结转下年"));
        assertThat(value(line(t, Side.EXPENSE, "本年支出合计"))).isEqualTo("1899.901166");
    }

    @Test
    void aRowWhoseCodesStandALineAboveItsNamesIsOneRowAndItsNumberNoPartOfItsCode() throws IOException {
        // 科学技术局's 表6: "序 部门经济科目 … 政府经济科目" heads the 序号 column; "11  30108  50102" over
        // "机关事业单位基本养老保险  社会保障缴费  1040490.82 …"; "24 302  商品和服务支出 …"
        DisclosureTable t = table(read("xian-2022-expense-by-economic-class.txt"), "表6");
        assertThat(t.rows()).noneMatch(x -> x.kind() == RowKind.UNIT);
        Row pension = coded(t, "30108");
        assertThat(pension.name()).isEqualTo("机关事业单位基本养老保险");
        // the rows of 30108 with 50102 and with 50501 added up, as the table's own rows are
        assertThat(pension.value(0)).isEqualByComparingTo(new BigDecimal("317.422916"));
        assertThat(coded(t, "302").value(0)).isEqualByComparingTo(new BigDecimal("1768.122622"));
        // "其他对个人和家庭的补助 50999  其他对个人和家庭补助": the second code no part of the name
        assertThat(coded(t, "30399").name()).isEqualTo("其他对个人和家庭的补助");
    }

    @Test
    void aNumberedRowsNamesOverTheLineOfItsAmountsAreOneRow() throws IOException {
        // 气象局's 表6: "8  30108  机关事业单位基本养老保险缴费" over "50501  工资福利支出  81738.24 …"
        DisclosureTable t = table(read("xian-2022-weather-expense-by-economic-class.txt"), "表6");
        Row pension = coded(t, "30108");
        assertThat(pension.name()).isEqualTo("机关事业单位基本养老保险缴费");
        assertThat(pension.value(0)).isEqualByComparingTo(new BigDecimal("8.173824"));
        assertThat(t.rows()).noneMatch(x -> x.code().equals("50501"));
    }

    @Test
    void aUnitsCodeOneSpaceBeforeItsNameIsNoPartOfIt() throws IOException {
        // 科学技术局's 收入总表: "3          204001 西安市科学技术局       905922346.9 …"
        DisclosureTable t = table(read("xian-2022-income.txt"), "表2");
        assertThat(t.rows().stream().filter(x -> x.kind() == RowKind.UNIT).map(Row::name))
                .contains("西安市科学技术局", "西安市硬科技产业发展服务", "西安科技大市场服务中心").noneMatch(n -> n.matches("\\d.*"));
    }
}
