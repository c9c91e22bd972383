package org.openbudget.io.workbook;

import static org.openbudget.io.workbook.WorkbookLayout.*;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openbudget.core.classification.ClassItem;
import org.openbudget.core.classification.Classification;
import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.ledger.AgencyType;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Nature;
import org.openbudget.core.ledger.Project;

/**
 * Writes a budget as a workbook (docs/workbook.md): the blank template of a unit (a budget with
 * no lines, see {@link WorkbookTemplate}) or an existing dataset, exported so that
 * {@link WorkbookReader} reads back the same budget.
 */
public final class WorkbookWriter {
    private final ReferenceData ref;
    /** The dictionary the template is bound to: the rows of the 决算's form sheets (三公明细, 绩效评价). */
    private final org.openbudget.core.measure.MeasureDictionary measures;
    private XSSFWorkbook wb;
    private CellStyle header;
    private CellStyle hint;
    private CellStyle text;
    private CellStyle amount;
    private CellStyle wrap;
    private CellStyle title;
    private CellStyle label;

    private final List<String[]> changeKeys;
    private final List<String[]> totalKeys;
    /** the flows a 决算's accounts may list: {flow, label} (none without a profile) */
    private final List<String[]> flows;

    /**
     * @param profile the template the budget's document is written under: its text outline says which facts
     *                the text states (the keys of 上年金额) and which it compares with last year (of 变动原因)
     */
    public WorkbookWriter(ReferenceData ref, org.openbudget.core.profile.TemplateProfile profile) {
        this.ref = ref;
        this.measures = profile == null ? org.openbudget.io.refdata.ReferenceLibrary.builtInMeasures() : profile.measures();
        this.changeKeys = WorkbookLayout.changeKeys(profile);
        this.totalKeys = WorkbookLayout.totalKeys(profile);
        this.flows = profile == null ? List.of() : org.openbudget.io.dataset.AccountsPartReader.flows(profile.measures()).stream()
                .map(f -> new String[] {f[0], flowLabel(f[0], f[1])}).toList();
    }

    /** Writes the file whole or not at all (a temporary file moved into place). */
    public void write(Budget budget, Path file) {
        try {
            org.openbudget.io.AtomicFiles.write(file, out -> write(budget, out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Budget budget, OutputStream out) throws IOException {
        // the lists are the budget year's, or (a year without its own) the latest earlier year's: ReferenceLibrary#year decides
        try (XSSFWorkbook w = new XSSFWorkbook()) {
            wb = w;
            styles();
            boolean dept = budget.isDepartment();
            instructions(budget);
            agency(budget);
            if (dept) units(budget);
            projects(budget, dept);
            lines(budget, dept);
            if (budget.isFinal()) accounts(budget, dept);
            textPart(budget.narrative(), budget.isFinal());
            lists(budget, dept);
            wb.setActiveSheet(wb.getSheetIndex(linesSheet(budget.isFinal())));
            wb.write(out);
        }
    }

    private void styles() {
        Font bold = wb.createFont();
        bold.setBold(true);
        Font grey = wb.createFont();
        grey.setItalic(true);
        grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        grey.setFontHeightInPoints((short) 9);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        short textFormat = wb.createDataFormat().getFormat("@");

        header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);

        hint = wb.createCellStyle();
        hint.setFont(grey);
        hint.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        hint.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        hint.setBorderBottom(BorderStyle.THIN);
        hint.setWrapText(true);

        text = wb.createCellStyle();
        text.setDataFormat(textFormat);

        amount = wb.createCellStyle();
        amount.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));

        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);

        title = wb.createCellStyle();
        title.setFont(big);

        label = wb.createCellStyle();
        label.setFont(bold);
        label.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        label.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    // ---------------------------------------------------------------- 填表说明

    private void instructions(Budget b) {
        Sheet s = wb.createSheet(INSTRUCTIONS);
        s.setColumnWidth(0, 110 * 256);
        boolean dept = b.isDepartment();
        List<String> lines = new ArrayList<>();
        boolean fin = b.isFinal();
        lines.add(b.agency().name() + " " + b.year() + "年" + (dept ? "部门" : "单位") + (fin ? "决算" : "预算") + "填报表");
        lines.add("");
        lines.add("本工作簿是预算公开系统的填报模板（" + VERSION + "）。填好后上传系统，或在命令行运行 ./budget check 文件名.xlsx，"
                + "系统据此生成部门预算公开的十一张表并按审核公式审核。每个问题都会指出工作表、行和列（如 预算明细!C17）。");
        lines.add("");
        lines.add("一、各工作表");
        lines.add("1. 单位信息：模板版本、预算年度、公开模板、单位代码、单位名称、单位级次（单位/部门）、单位类型（行政/事业/参公）。"
                + "模板版本和预算年度由系统填写，请勿修改；单位代码按文本填写，保留前导零。");
        if (dept) {
            lines.add("2. 组成单位：部门所属各预算单位，按公开文本的顺序（本级在前）每行一个：单位代码、单位名称、单位类型。");
        }
        lines.add((dept ? "3" : "2") + ". 项目：每个项目一行。项目代码按文本填写；项目名称是公开文本各处（项目支出表、上年结转结余表、情况说明、绩效目标表）使用的唯一写法；"
                + "项目承担单位代码空白表示本单位；涉密项目在“是否涉密”选“是”，其说明将写作“完全不予公开”。"
                + (dept ? "部门工作簿每行先填项目所属的单位代码。" : ""));
        if (fin) {
            lines.add((dept ? "4" : "3") + ". 决算明细：本年实际支出（决算数），每行一条：支出功能分类（项）× 部门预算支出经济分类（款）× 支出性质 × 项目 × 资金来源 × 金额；"
                    + "使用上年结转资金的支出，资金来源填 CO_ 开头的结转来源。" + (dept ? "部门工作簿每行先填所属单位代码。" : ""));
            lines.add("   收支与结转：决算表中账本以外的数，每行一条，先选收支类别：received 本年收入（本年资金来源）和年初结转和结余（CO_ 来源），"
                    + "surplus.used 使用非财政拨款结余，surplus.distribution 结余分配，spent.remit／spent.ops／spent.aff 上缴上级／经营／对附属单位补助支出，"
                    + "budget.initial 年初预算数（按预算明细的口径逐行填写：功能分类、经济分类、性质、项目、来源、金额）。年末结转和结余由系统计算，不填写。");
            lines.add("   三公明细：因公出国（境）团组数和人次、公务用车购置数和保有量、公务接待批次和人次（含外宾接待）。");
            lines.add("   绩效评价：设定绩效目标、开展绩效监控和绩效自评的项目数与资金，自评平均分和优、良、合格、不合格的项目数。");
        } else {
            lines.add((dept ? "4" : "3") + ". 预算明细：预算账本，每行一条：支出功能分类（项）× 部门预算支出经济分类（款）× 支出性质 × 项目 × 资金来源 × 金额。"
                    + (dept ? "部门工作簿每行先填所属单位代码。" : ""));
        }
        lines.add((dept ? "5" : "4") + ". 公开文本的文字部分（可选，各表留空则不生成相应文字）：主要职能、内设机构、人员情况（第一部分）；上年比较数（上年预算数，万元）"
                + "和变动原因（按 docs/text-facts.md 的键，如 income.gpb.local、gpb.item:2150899）；类用途说明（第三部分 财政拨款收支情况）；项目说明、资金分配、"
                + "项目绩效指标（第三部分 项目支出情况和项目支出绩效目标表）；结转说明（上年结转结余情况）；政府采购、国有资产（其他重要事项）；整体绩效目标和整体绩效指标；其他事项。"
                + "落款日期填在“单位信息”中。这些表中的金额以万元为单位，按公开文本的写法填写（如 34.33）。"
                + (dept ? "部门工作簿的文字部分是部门本身的；所属单位的文字写在各单位自己的工作簿中。" : ""));
        lines.add("");
        lines.add("二、填写规则");
        lines.add("1. 第 1、2 行是表头（中文列名和字段名），请勿修改、删除或插入列名；数据从第 3 行起填写。列的顺序可以调整。");
        lines.add("2. 支出功能分类填到项级（7 位，如 2060499），经济分类填到款级（5 位，如 30213）。从下拉列表选择“编码 名称”，"
                + "也可以只输入编码；名称若与编码不符会被指出。列表是 " + b.year() + " 年的科目，如需其他科目请直接输入编码。");
        lines.add("3. 支出性质：基本（基本支出）或 项目（项目支出）。项目支出必须填写项目代码（从下拉列表选择“项目”表中的项目），基本支出不填项目代码。");
        lines.add("4. 资金来源从下拉列表选择（如“GPB 本级一般财力”），也可以只输入代码（GPB）或名称（本级一般财力）。上年结转结余也作为资金来源填写（CO_ 开头）。");
        lines.add("5. 金额以元为单位，不能为负数，最多两位小数。请填数字；以文本形式填写的数字（如 343300 或 1,234.56）也能识别。");
        lines.add("6. 相同科目、性质、项目和资金来源的两行会相加；金额为 0 的行不影响结果。空行会被忽略。");
        lines.add("7. 不要合并单元格。可以使用公式，但须在 Excel 或 WPS 中保存后再上传（系统读取公式的计算结果）。");
        lines.add("8. 人员经费 = 基本支出中经济分类 301 和 303；其余基本支出为公用经费。三公经费：30212 因公出国（境）费用、30217 公务接待费、"
                + "31013 公务用车购置、30231 公务用车运行维护费。");
        lines.add("9. 隐藏的“代码表”工作表存放下拉列表，请勿修改。其他自行添加的工作表不会被读取。");
        lines.add("10. 指标值等以 = 开头的文字，请先输入一个英文单引号（'=6场），否则 Excel 会当作公式。");
        lines.add("");
        lines.add("三、资金来源");
        for (FundingSource f : ref.sources()) lines.add("  " + f.code() + "  " + f.name() + "（" + f.group() + "）");
        for (int i = 0; i < lines.size(); i++) {
            Row r = s.createRow(i);
            Cell c = r.createCell(0);
            c.setCellValue(lines.get(i));
            c.setCellStyle(i == 0 ? title : wrap);
            // wrapped text: give the row the height of its lines (about 62 Chinese characters to a line)
            int textLines = Math.max(1, (lines.get(i).length() + 61) / 62);
            if (i > 0) r.setHeightInPoints(16f * textLines);
        }
        printable(s);
    }

    // ---------------------------------------------------------------- 单位信息

    private void agency(Budget b) {
        Sheet s = wb.createSheet(AGENCY);
        s.setColumnWidth(0, 14 * 256);
        s.setColumnWidth(1, 50 * 256);
        s.setColumnWidth(2, 60 * 256);
        Row h = s.createRow(0);
        headerCell(h, 0, "项目");
        headerCell(h, 1, "填写内容");
        headerCell(h, 2, "说明");
        String[][] rows = {
                {F_VERSION, VERSION, "模板版本，请勿修改"},
                {F_YEAR, null, "预算年度，请勿修改（决定使用哪一年的分类科目）"},
                {F_PROFILE, b.profileId(), "公开文本模板（财政部门和年度）"},
                {F_CODE, b.agency().code(), "文本，保留前导零"},
                {F_NAME, b.agency().name(), "全称，公开文本中“编制单位”所印名称"},
                {F_KIND, b.agency().kind().label(), "单位 / 部门"},
                {F_TYPE, b.agency().type().label(), "行政 / 事业 / 参公（决定“机关运行经费”或“事业单位运行经费”的写法）"},
                {F_CLOSING, "", "可选：公开文本落款的日期，如 2024-02-22"},
                {F_BASIS, b.basis(), "预算 / 决算（决算工作簿有“决算明细”“收支与结转”“三公明细”），请勿修改"},
        };
        for (int i = 0; i < rows.length; i++) {
            Row r = s.createRow(i + 1);
            Cell l = r.createCell(0);
            l.setCellValue(rows[i][0]);
            l.setCellStyle(label);
            Cell v = r.createCell(1);
            if (rows[i][0].equals(F_YEAR)) v.setCellValue(b.year());
            else if (rows[i][1].isEmpty()) v.setCellStyle(text);
            else {
                v.setCellStyle(text);
                v.setCellValue(rows[i][1]);
            }
            r.createCell(2).setCellValue(rows[i][2]);
        }
        s.createFreezePane(0, 1);
        printable(s);
        // 单位级次 and 单位类型 from lists
        validateList(s, LIST_KIND, 6, 6, 1);
        validateList(s, LIST_TYPE, 7, 7, 1);
        validateList(s, LIST_BASIS, 9, 9, 1);
    }

    // ---------------------------------------------------------------- data sheets

    private void units(Budget b) {
        Sheet s = table(UNITS, unitColumns());
        int row = HEADER_ROWS;
        for (Budget u : b.units()) {
            Row r = s.createRow(row++);
            textCell(r, 0, u.agency().code());
            textCell(r, 1, u.agency().name());
            textCell(r, 2, u.agency().type().label());
        }
    }

    private void projects(Budget b, boolean dept) {
        List<Column> cols = projectColumns(dept);
        Sheet s = table(PROJECTS, cols);
        int row = HEADER_ROWS;
        for (Budget u : b.memberUnits()) {
            for (Project p : u.projects()) {
                Row r = s.createRow(row++);
                int c = 0;
                if (dept) textCell(r, c++, u.agency().code());
                textCell(r, c++, p.code());
                textCell(r, c++, p.name());
                textCell(r, c++, p.agencyCode().equals(u.agency().code()) ? "" : p.agencyCode());
                textCell(r, c, p.classified() ? "是" : "否");
            }
        }
    }

    private void lines(Budget b, boolean dept) {
        List<Column> cols = lineColumns(dept);
        Sheet s = table(linesSheet(b.isFinal()), cols);
        int row = HEADER_ROWS;
        for (Budget u : b.memberUnits()) {
            for (LedgerLine l : u.lines()) {
                Row r = s.createRow(row++);
                int c = 0;
                if (dept) textCell(r, c++, l.agencyCode());
                textCell(r, c++, codeWithName(ref.functional(), l.funcCode()));
                textCell(r, c++, codeWithName(ref.economic(), l.ecoCode()));
                textCell(r, c++, l.nature().label());
                textCell(r, c++, l.nature() == Nature.PROJECT ? l.projectCode() : "");
                FundingSource f = ref.source(l.fundSource()).orElseThrow();
                textCell(r, c++, sourceLabel(f));
                Cell a = r.createCell(c);
                a.setCellStyle(amount);
                a.setCellValue(new BigDecimal(l.amountFen()).movePointLeft(2).doubleValue());
            }
        }
    }

    /** 收支与结转: each unit's entries of each flow, in the dataset's order (the 年初预算数 as lines of the year's 预算). */
    private void accounts(Budget b, boolean dept) {
        Sheet s = table(ACCOUNTS, accountColumns(dept));
        int row = HEADER_ROWS;
        for (Budget u : b.memberUnits()) {
            for (var e : u.accounts().flows().entrySet()) {
                String flow = flows.stream().filter(f -> f[0].equals(e.getKey())).map(f -> f[1]).findFirst().orElse(e.getKey());
                for (LedgerLine l : e.getValue()) {
                    Row r = s.createRow(row++);
                    int c = 0;
                    if (dept) textCell(r, c++, u.agency().code());
                    textCell(r, c++, flow);
                    textCell(r, c++, codeWithName(ref.functional(), l.funcCode()));
                    textCell(r, c++, ref.source(l.fundSource()).map(WorkbookWriter::sourceLabel).orElse(l.fundSource()));
                    Cell a = r.createCell(c++);
                    a.setCellStyle(amount);
                    a.setCellValue(new BigDecimal(l.amountFen()).movePointLeft(2).doubleValue());
                    if (l.ecoCode() != null && !l.ecoCode().isEmpty()) textCell(r, c, codeWithName(ref.economic(), l.ecoCode()));
                    c++;
                    if (l.nature() != null) textCell(r, c, l.nature().label());
                    c++;
                    if (l.projectCode() != null) textCell(r, c, l.projectCode());
                }
            }
        }
    }

    // ---------------------------------------------------------------- the text part

    private final java.util.Map<Integer, CellStyle> numberStyles = new java.util.HashMap<>();

    /** A number cell showing exactly the decimals of {@code value} (34.30 stays 34.30 when read back). */
    private void numberCell(Row r, int col, BigDecimal value) {
        if (value == null) return;
        Cell c = r.createCell(col);
        int scale = Math.max(0, value.scale());
        c.setCellStyle(numberStyles.computeIfAbsent(scale, k -> {
            CellStyle st = wb.createCellStyle();
            st.setDataFormat(wb.createDataFormat().getFormat(k == 0 ? "0" : "0." + "0".repeat(k)));
            return st;
        }));
        c.setCellValue(value.doubleValue());
    }

    private void numberCell(Row r, int col, int value) {
        numberCell(r, col, BigDecimal.valueOf(value));
    }

    private Row next(Sheet s) {
        return s.createRow(s.getLastRowNum() + 1);
    }

    private void textPart(org.openbudget.core.ledger.Narrative n, boolean isFinal) {
        java.util.Map<String, Sheet> tables = new java.util.HashMap<>();
        java.util.Map<String, Sheet> forms = new java.util.HashMap<>();
        // in the document's order: 第一部分, comparatives and reasons, 第三部分 四 七 十一 十二
        for (String name : List.of(FUNCTIONS, OFFICES, PERSONNEL, LAST_YEAR, REASONS, CLASS_NOTES, PROJECT_TEXTS, ALLOCATIONS,
                PROJECT_INDICATORS, CARRY_OVER, PROCUREMENT, ASSETS, OVERALL, OVERALL_INDICATORS, OTHER_MATTERS)) {
            textTables().stream().filter(t -> t.name().equals(name)).findFirst().ifPresent(t -> tables.put(name, table(name, t.columns())));
            textForms(measures).stream().filter(f -> f.name().equals(name)).findFirst().ifPresent(f -> forms.put(name, form(f)));
            if (isFinal && name.equals(REASONS)) {
                forms.put(THREE_PUBLIC, form(threePublicForm(measures)));
                forms.put(EVALUATION, form(evaluationForm(measures)));
            }
        }
        var tp = n.threePublic();
        if (tp != null) {
            java.util.Map<String, Object> v = new java.util.HashMap<>();
            for (int i = 0; i < tp.values().size(); i++) v.put(org.openbudget.core.ledger.Narrative.ThreePublic.FIELDS.get(i), tp.values().get(i));
            fill(forms.get(THREE_PUBLIC), THREE_PUBLIC, v);
        }
        var ev = n.evaluation();
        if (ev != null) {
            java.util.Map<String, Object> v = new java.util.HashMap<>();
            Object[] values = {ev.targetProjects(), ev.targetAmount(), ev.monitoredProjects(), ev.selfEvaluated(), ev.selfAmount(), ev.averageScore(),
                    ev.excellent(), ev.good(), ev.pass(), ev.fail()};
            for (int i = 0; i < values.length; i++) v.put(org.openbudget.core.ledger.Narrative.Evaluation.FIELDS.get(i), values[i]);
            fill(forms.get(EVALUATION), EVALUATION, v);
        }
        for (String f : n.functions()) textCell(next(tables.get(FUNCTIONS)), 0, f);
        for (String o : n.offices()) textCell(next(tables.get(OFFICES)), 0, o);
        var p = n.personnel();
        if (p != null) {
            fill(forms.get(PERSONNEL), PERSONNEL, java.util.Map.of("authorized", p.authorized(), "active", p.active(), "active_change", p.activeChange(),
                    "retired", p.retired(), "retired_change", p.retiredChange(), "honorary", p.honorary(), "honorary_change", p.honoraryChange()));
        }
        n.lastYear().amounts().forEach((k, v) -> {
            Row r = next(tables.get(LAST_YEAR));
            textCell(r, 0, keyLabel(k));
            numberCell(r, 1, v);
        });
        n.reasons().forEach((k, v) -> {
            Row r = next(tables.get(REASONS));
            textCell(r, 0, keyLabel(k));
            textCell(r, 1, v);
        });
        n.classNotes().forEach((k, v) -> {
            Row r = next(tables.get(CLASS_NOTES));
            textCell(r, 0, k);
            textCell(r, 1, v);
        });
        for (var t : n.projects()) {
            Row r = next(tables.get(PROJECT_TEXTS));
            textCell(r, 0, t.proCode());
            textCell(r, 1, t.basis());
            textCell(r, 2, t.period());
            textCell(r, 3, t.manager());
            if (t.target() != null) textCell(r, 4, t.target().goal());
            int order = n.performanceOrder().indexOf(t.proCode());
            if (order >= 0) numberCell(r, 5, order + 1);
            for (var a : t.allocation()) {
                Row ar = next(tables.get(ALLOCATIONS));
                textCell(ar, 0, t.proCode());
                textCell(ar, 1, a.item());
                numberCell(ar, 2, a.amount());
            }
            if (t.target() != null) for (var i : t.target().indicators()) indicator(next(tables.get(PROJECT_INDICATORS)), t.proCode(), i);
        }
        for (var c : n.carryOver()) {
            Row r = next(tables.get(CARRY_OVER));
            textCell(r, 0, c.proCode());
            textCell(r, 1, c.note());
        }
        var pr = n.procurement();
        if (pr != null) {
            fill(forms.get(PROCUREMENT), PROCUREMENT, java.util.Map.of("goods", pr.goods(), "works", pr.works(), "services", pr.services(),
                    "sme", pr.sme(), "micro", pr.micro()));
        }
        var a = n.assets();
        if (a != null) {
            java.util.Map<String, Object> v = new java.util.HashMap<>();
            v.put("building.area", a.buildingArea());
            v.put("building.value", a.buildingValue());
            v.put("vehicles.official.count", a.officialCars());
            v.put("vehicles.official.value", a.officialCarsValue());
            v.put("vehicles.enforcement.count", a.enforcementCars());
            v.put("vehicles.enforcement.value", a.enforcementCarsValue());
            v.put("vehicles.other.count", a.otherCars());
            v.put("vehicles.other.value", a.otherCarsValue());
            v.put("furniture", a.furniture());
            v.put("other", a.other());
            v.put("equipment_50", a.equipment50());
            v.put("equipment_100", a.equipment100());
            v.put("purchase.vehicles", a.purchaseVehicles());
            v.put("purchase.equipment_50", a.purchaseEquipment50());
            v.put("purchase.equipment_100", a.purchaseEquipment100());
            fill(forms.get(ASSETS), ASSETS, v);
        }
        var o = n.overall();
        if (o != null) {
            fill(forms.get(OVERALL), OVERALL, java.util.Map.of("contact", o.contact(), "phone", o.phone(), "goal", o.goal()));
            for (var i : o.indicators()) indicator(next(tables.get(OVERALL_INDICATORS)), null, i);
        }
        for (String m : n.otherMatters()) textCell(next(tables.get(OTHER_MATTERS)), 0, m);
        if (!n.closingDate().isEmpty()) {
            Sheet info = wb.getSheet(AGENCY);
            Row r = info.getRow(1 + agencyFields().size());   // the row after the required fields: 落款日期
            textCell(r, 1, n.closingDate());
        }
    }

    /** "income.gpb.local 一般公共预算拨款（本级财力）", as the drop-down offers it. */
    private String keyLabel(String key) {
        for (List<String[]> keys : List.of(changeKeys, totalKeys)) for (String[] k : keys) if (k[0].equals(key)) return k[0] + " " + k[1];
        if (key.startsWith("gpb.item:") || key.startsWith("gpb.class:")) {
            String code = key.substring(key.indexOf(':') + 1);
            return ref.functional().name(code).map(n -> key + " " + n).orElse(key);
        }
        return key;
    }

    private void indicator(Row r, String proCode, org.openbudget.core.ledger.Narrative.Indicator i) {
        int c = 0;
        if (proCode != null) textCell(r, c++, proCode);
        for (String v : new String[] {i.level1(), i.level2(), i.level3(), i.target(), i.basis(), i.lastYear()}) textCell(r, c++, v);
        numberCell(r, c++, i.weight());
        textCell(r, c++, i.scoringRule());
        textCell(r, c, i.evidence());
    }

    /** A form sheet: label, value, hint; one row per field. */
    private Sheet form(FormSheet f) {
        Sheet s = wb.createSheet(f.name());
        s.setColumnWidth(0, 40 * 256);
        s.setColumnWidth(1, 50 * 256);
        s.setColumnWidth(2, 40 * 256);
        Row h = s.createRow(0);
        headerCell(h, 0, "项目");
        headerCell(h, 1, "填写内容");
        headerCell(h, 2, "说明：" + f.part());
        for (int i = 0; i < f.fields().size(); i++) {
            Column c = f.fields().get(i);
            Row r = s.createRow(i + 1);
            Cell l = r.createCell(0);
            l.setCellValue(c.label());
            l.setCellStyle(label);
            if (c.kind() == Kind.TEXT) r.createCell(1).setCellStyle(text);
            r.createCell(2).setCellValue(c.hint());
        }
        s.createFreezePane(0, 1);
        printable(s);
        return s;
    }

    /** Fills a form's values (numbers or texts) by field. */
    private void fill(Sheet s, String name, java.util.Map<String, ?> values) {
        FormSheet f = textForms(measures).stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        for (int i = 0; i < f.fields().size(); i++) {
            Object v = values.get(f.fields().get(i).field());
            Row r = s.getRow(i + 1);
            if (v instanceof BigDecimal b) numberCell(r, 1, b);
            else if (v instanceof Integer n) numberCell(r, 1, n);
            else if (v instanceof String t && !t.isEmpty()) textCell(r, 1, t);
        }
    }

    /** A data sheet: styled, frozen header rows, column widths, and each column's validation. */
    private Sheet table(String name, List<Column> cols) {
        Sheet s = wb.createSheet(name);
        Row labels = s.createRow(0);
        Row fields = s.createRow(1);
        labels.setHeightInPoints(30);
        fields.setHeightInPoints(28);
        for (int i = 0; i < cols.size(); i++) {
            Column col = cols.get(i);
            headerCell(labels, i, col.label() + (col.required() ? " *" : ""));
            Cell f = fields.createCell(i);
            f.setCellValue(col.field() + "\n" + col.hint());
            f.setCellStyle(hint);
            s.setColumnWidth(i, col.width() * 256);
            if (col.kind() != Kind.NUMBER) s.setDefaultColumnStyle(i, col.kind() == Kind.AMOUNT ? amount : text);
            if (col.list() != null) validateList(s, col.list(), HEADER_ROWS, HEADER_ROWS + DATA_ROWS - 1, i);
            if (col.kind() == Kind.AMOUNT) validateAmount(s, i);
        }
        s.createFreezePane(0, HEADER_ROWS);
        printable(s);
        s.setRepeatingRows(new CellRangeAddress(0, HEADER_ROWS - 1, -1, -1));
        s.setAutoFilter(new CellRangeAddress(1, 1, 0, cols.size() - 1));
        return s;
    }

    /** Printed (or converted to PDF): landscape, one page wide, header rows repeated. */
    private static void printable(Sheet s) {
        s.getPrintSetup().setLandscape(true);
        s.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
    }

    private void headerCell(Row r, int col, String value) {
        Cell c = r.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(header);
    }

    private void textCell(Row r, int col, String value) {
        Cell c = r.createCell(col);
        c.setCellStyle(text);
        c.setCellValue(value);
    }

    private void validateList(Sheet s, String listName, int firstRow, int lastRow, int col) {
        DataValidationHelper h = s.getDataValidationHelper();
        DataValidationConstraint k = h.createFormulaListConstraint(listName);
        DataValidation v = h.createValidation(k, new CellRangeAddressList(firstRow, lastRow, col, col));
        // classification codes outside the (possibly partial) list may be typed: warn, do not refuse
        boolean strict = !List.of(LIST_FUNC, LIST_ECO, LIST_REASON_KEYS, LIST_AMOUNT_KEYS).contains(listName);
        v.setErrorStyle(strict ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.WARNING);
        v.setShowErrorBox(true);
        v.createErrorBox("请从列表选择", strict ? "请从下拉列表中选择。" : "该编码不在本年度科目列表中，确定要使用吗？");
        v.setSuppressDropDownArrow(true);
        s.addValidationData(v);
    }

    private void validateAmount(Sheet s, int col) {
        DataValidationHelper h = s.getDataValidationHelper();
        String ref = columnLetter(col) + (HEADER_ROWS + 1);
        DataValidationConstraint k = h.createCustomConstraint("AND(ISNUMBER(" + ref + ")," + ref + ">=0,ROUND(" + ref + ",2)=" + ref + ")");
        DataValidation v = h.createValidation(k, new CellRangeAddressList(HEADER_ROWS, HEADER_ROWS + DATA_ROWS - 1, col, col));
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.setShowErrorBox(true);
        v.createErrorBox("金额（元）", "金额应为不小于 0 的数字，最多两位小数。");
        v.setShowPromptBox(true);
        v.createPromptBox("金额（元）", "以元为单位，≥ 0，最多两位小数");
        s.addValidationData(v);
    }

    // ---------------------------------------------------------------- hidden lists

    private void lists(Budget b, boolean dept) {
        Sheet s = wb.createSheet(LISTS);
        List<String> func = new ArrayList<>();
        for (ClassItem i : ref.functional().items()) if (i.level() == 3) func.add(i.code() + " " + i.name());
        List<String> eco = new ArrayList<>();
        for (ClassItem i : ref.economic().items()) if (i.level() == 2) eco.add(i.code() + " " + i.name());
        List<String> sources = ref.sources().stream().map(WorkbookWriter::sourceLabel).toList();
        List<String> types = java.util.Arrays.stream(AgencyType.values()).map(AgencyType::label).toList();
        // the text part's keys: the fixed ones, and the 一般公共预算 项 and 类 of this budget
        List<String> reasonKeys = new ArrayList<>();
        for (String[] k : changeKeys) reasonKeys.add(k[0] + " " + k[1]);
        java.util.TreeSet<String> items = new java.util.TreeSet<>();
        for (LedgerLine l : b.allLines()) {
            if (l.amountFen() != 0 && ref.source(l.fundSource()).map(FundingSource::generalPublicCurrent).orElse(false)) items.add(l.funcCode());
        }
        String itemKey = b.isFinal() ? "fa.gpb.item:" : "gpb.item:";   // a 决算 explains a 项's 决算数 against its 年初预算数
        for (String i : items) reasonKeys.add(itemKey + i + " " + ref.functional().nameOrCode(i));
        List<String> amountKeys = new ArrayList<>(reasonKeys);
        for (String[] k : totalKeys) amountKeys.add(k[0] + " " + k[1]);
        for (String c : new java.util.TreeSet<>(items.stream().map(Classification::category).toList())) {
            amountKeys.add("gpb.class:" + c + " " + ref.functional().nameOrCode(c));
        }
        String[] heads = {"支出功能分类（项）", "部门预算支出经济分类（款）", "资金来源", "支出性质", "是否", "单位级次", "单位类型", "变动原因键", "上年比较数键",
                "收支类别", "报表类型"};
        String[] names = {LIST_FUNC, LIST_ECO, LIST_SOURCE, LIST_NATURE, LIST_YES_NO, LIST_KIND, LIST_TYPE, LIST_REASON_KEYS, LIST_AMOUNT_KEYS,
                LIST_FLOWS, LIST_BASIS};
        List<List<String>> cols = List.of(func, eco, sources, List.of("基本", "项目"), List.of("是", "否"), List.of("单位", "部门"), types,
                reasonKeys, amountKeys, flows.stream().map(f -> f[1]).toList(), List.of("预算", "决算"));
        Row h = s.createRow(0);
        for (int c = 0; c < cols.size(); c++) {
            h.createCell(c).setCellValue(heads[c]);
            s.setColumnWidth(c, 36 * 256);
            List<String> values = cols.get(c);
            for (int i = 0; i < values.size(); i++) {
                Row r = s.getRow(i + 1) == null ? s.createRow(i + 1) : s.getRow(i + 1);
                r.createCell(c).setCellValue(values.get(i));
            }
            name(names[c], LISTS, c, 1, Math.max(1, values.size()));
        }
        int dataEnd = HEADER_ROWS + DATA_ROWS - 1;
        if (dept) name(LIST_UNITS, UNITS, 0, HEADER_ROWS, dataEnd);
        name(LIST_PROJECTS, PROJECTS, dept ? 1 : 0, HEADER_ROWS, dataEnd);
        wb.setSheetHidden(wb.getSheetIndex(LISTS), true);
    }

    /** A defined name for rows first..last (0-based, inclusive) of one column of a sheet. */
    private void name(String name, String sheet, int col, int first, int last) {
        Name n = wb.createName();
        n.setNameName(name);
        AreaReference area = new AreaReference(new CellReference(sheet, first, col, true, true),
                new CellReference(sheet, last, col, true, true), SpreadsheetVersion.EXCEL2007);
        n.setRefersToFormula(area.formatAsString());
    }

    static String codeWithName(Classification c, String code) {
        return c.name(code).map(n -> code + " " + n).orElse(code);
    }

    static String sourceLabel(FundingSource f) {
        return f.code() + " " + f.name();
    }
}
