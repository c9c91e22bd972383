package org.openbudget.render.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;

import org.openbudget.core.classification.Classification;
import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Project;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A budget as open data: a Fiscal Data Package (OpenSpending's FDP 0.3, a Tabular Data Package) —
 * {@code datapackage.json} with the logical model (the measure 金额 in CNY, its phase approved for a 预算
 * and executed for a 决算; dimensions for the functional and economic classification with their 类/款/项
 * hierarchy, funding source and budget, 基本/项目 and 人员/公用, the unit and department, the project and
 * the year) and {@code data/lines.csv}: the ledger's leaf lines, not the printed tables, one row each,
 * the amount in 元 exact to the 分. A zip; every entry carries the year as its time, so the same budget
 * gives the same bytes.
 *
 * <p>It states what the published tables state, line by line, and nothing else: no dataset note, no
 * staff, no private field; a project is named as the 项目支出表 names it.
 */
public final class FiscalDataPackage {
    private FiscalDataPackage() {}

    /** The CSV's columns: name, Table Schema type, title (Chinese), description. */
    static final List<String[]> FIELDS = List.of(
            new String[] {"fiscal_year", "integer", "年度", "预算（决算）年度"},
            new String[] {"department_code", "string", "部门编码", "部门（本单位为部门时同单位）"},
            new String[] {"department_name", "string", "部门名称", ""},
            new String[] {"unit_code", "string", "单位编码", "预算单位"},
            new String[] {"unit_name", "string", "单位名称", ""},
            new String[] {"func_class_code", "string", "功能分类类编码", "支出功能分类科目：类"},
            new String[] {"func_class_name", "string", "功能分类类名称", ""},
            new String[] {"func_section_code", "string", "功能分类款编码", "支出功能分类科目：款"},
            new String[] {"func_section_name", "string", "功能分类款名称", ""},
            new String[] {"func_code", "string", "功能分类项编码", "支出功能分类科目：项"},
            new String[] {"func_name", "string", "功能分类项名称", ""},
            new String[] {"eco_class_code", "string", "经济分类类编码", "部门预算支出经济分类科目：类"},
            new String[] {"eco_class_name", "string", "经济分类类名称", ""},
            new String[] {"eco_code", "string", "经济分类款编码", "部门预算支出经济分类科目：款"},
            new String[] {"eco_name", "string", "经济分类款名称", ""},
            new String[] {"source_code", "string", "资金来源编码", ""},
            new String[] {"source_name", "string", "资金来源", ""},
            new String[] {"budget", "string", "预算类别", "一般公共预算、政府性基金预算、国有资本经营预算、财政专户或单位资金"},
            new String[] {"period", "string", "年度属性", "本年 或 上年结转结余"},
            new String[] {"nature", "string", "支出性质", "基本支出 或 项目支出"},
            new String[] {"kind", "string", "经费类别", "人员经费、公用经费 或 项目支出"},
            new String[] {"project_code", "string", "项目编码", "项目支出的项目；基本支出为空"},
            new String[] {"project_name", "string", "项目名称", ""},
            new String[] {"amount", "number", "金额（元）", "元，精确到分"});

    /**
     * Writes the package of {@code budget} (a unit's, or a department's with its units' lines) as a zip.
     *
     * @param basis 预算 or 决算 (the measure's phase: approved or executed)
     */
    public static void write(Budget budget, ReferenceData ref, String basis, OutputStream out) throws IOException {
        org.openbudget.render.DatedZip zip = new org.openbudget.render.DatedZip(out, budget.year());
        zip.put("datapackage.json", descriptor(budget, basis));
        zip.put("data/lines.csv", csv(budget, ref));
        zip.finish();
    }

    /** One package of a collection: whose it is (for messages and the contributors) and its zip as written by {@link #write}. */
    public record Member(String publisher, byte[] zip) {}

    /**
     * Many packages as one — a region's year, say: their lines in one {@code data/lines.csv} under one descriptor
     * (the same columns and model, each line keeping its department and unit), so that a whole city's budget is one
     * table. The members must not overlap (a department's package holds its units' lines: give either, not both).
     *
     * @throws IllegalArgumentException naming the member whose package is not one of ours (no {@code data/lines.csv}, other columns)
     */
    public static void writeCollection(String slug, String title, String description, int year, String basis,
                                       List<Member> members, OutputStream out) throws IOException {
        org.openbudget.render.DatedZip zip = new org.openbudget.render.DatedZip(out, year);
        List<String> publishers = members.stream().map(Member::publisher).distinct().toList();
        zip.put("datapackage.json", descriptor(slug, title, description, year, basis, publishers));
        zip.put("data/lines.csv", linesCsv(members, false));
        zip.finish();
    }

    /**
     * The lines of all {@code members} as one CSV with the package's header once; with {@code excelBom} it starts with a
     * byte-order mark, which a spreadsheet needs to read UTF-8 Chinese (the package itself has none, as the spec asks).
     */
    public static byte[] linesCsv(List<Member> members, boolean excelBom) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(1 << 16);
        if (excelBom) b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        byte[] header = (String.join(",", FIELDS.stream().map(f -> f[0]).toList()) + "\r\n").getBytes(StandardCharsets.UTF_8);
        b.write(header);
        for (Member m : members) {
            byte[] lines = lines(m);
            if (lines.length < header.length || !java.util.Arrays.equals(lines, 0, header.length, header, 0, header.length)) {
                throw new IllegalArgumentException(m.publisher() + "：开放数据包的列与本格式不同 (data/lines.csv has other columns)");
            }
            b.write(lines, header.length, lines.length - header.length);
        }
        return b.toByteArray();
    }

    /** Largest {@code data/lines.csv} taken from a member (a million lines of about 300 bytes). */
    static final int MAX_LINES_BYTES = 320 << 20;

    private static byte[] lines(Member m) throws IOException {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(m.zip()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.getName().equals("data/lines.csv")) continue;
                byte[] content = in.readNBytes(MAX_LINES_BYTES + 1);
                if (content.length > MAX_LINES_BYTES) throw new IllegalArgumentException(m.publisher() + "：开放数据包过大 (data/lines.csv over " + (MAX_LINES_BYTES >> 20) + " MB)");
                return content;
            }
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException(m.publisher() + "：开放数据包不是有效的 zip (" + e.getMessage() + ")");
        }
        throw new IllegalArgumentException(m.publisher() + "：开放数据包里没有 data/lines.csv");
    }

    /** The lines as CSV (RFC 4180, UTF-8 without BOM, as the Tabular Data Package asks), in the ledger's order. */
    static String csv(Budget budget, ReferenceData ref) {
        StringBuilder b = new StringBuilder(256 * (budget.allLines().size() + 1));
        for (int i = 0; i < FIELDS.size(); i++) b.append(i == 0 ? "" : ",").append(FIELDS.get(i)[0]);
        b.append("\r\n");
        Map<String, Project> projects = budget.allProjects();
        Classification func = ref.functional(), eco = ref.economic();
        for (Budget unit : budget.memberUnits()) {
            for (LedgerLine l : unit.allLines()) {
                FundingSource s = ref.source(l.fundSource()).orElse(null);
                Project p = l.projectCode() == null ? null : projects.get(l.projectCode());
                String fc = l.funcCode(), ec = l.ecoCode();
                List<String> row = new ArrayList<>(FIELDS.size());
                row.add(String.valueOf(budget.year()));
                row.add(budget.agency().code());
                row.add(budget.agency().name());
                row.add(unit.agency().code());
                row.add(unit.agency().name());
                row.add(Classification.category(fc));
                row.add(func.nameOrCode(Classification.category(fc)));
                row.add(Classification.section(fc));
                row.add(func.nameOrCode(Classification.section(fc)));
                row.add(fc);
                row.add(func.nameOrCode(fc));
                row.add(Classification.category(ec));
                row.add(eco.nameOrCode(Classification.category(ec)));
                row.add(ec);
                row.add(eco.nameOrCode(ec));
                row.add(l.fundSource());
                row.add(s == null ? l.fundSource() : s.name());
                row.add(s == null ? "" : s.budget());
                row.add(s == null || s.currentYear() ? "本年" : "上年结转结余");
                row.add(l.nature().label() + "支出");
                row.add(l.personnel() ? "人员经费" : l.publicUse() ? "公用经费" : "项目支出");
                row.add(p == null ? "" : p.code());
                row.add(p == null ? "" : p.name());
                row.add(BigDecimal.valueOf(l.amountFen(), 2).toPlainString());
                for (int i = 0; i < row.size(); i++) b.append(i == 0 ? "" : ",").append(field(row.get(i)));
                b.append("\r\n");
            }
        }
        return b.toString();
    }

    /** A CSV field, quoted when it holds a comma, quote or line break. */
    static String field(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** datapackage.json: package metadata, the resource with its Table Schema, and the FDP model. */
    static String descriptor(Budget budget, String basis) {
        String title = budget.year() + "年" + budget.agency().name() + (budget.isDepartment() ? "部门" : "单位") + basis;
        return descriptor("cn-" + budget.agency().code() + "-" + budget.year(), title,
                title + "的明细数据（每行一条预算明细，金额单位为元），与公开的" + basis + "表格一致。",
                budget.year(), basis, List.of(budget.agency().name()));
    }

    /**
     * The descriptor of a package: {@code slug} (made url-safe, the basis appended), its title and description,
     * the fiscal year, the basis and the publishers named as its contributors.
     */
    static String descriptor(String slug, String title, String description, int year, String basis, List<String> publishers) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("name", (slug + "-" + (basis.equals("决算") ? "final" : "budget"))
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-"));
        root.put("title", title);
        root.put("description", description);
        root.put("countryCode", "CN");
        root.put("granularity", "aggregated");
        ObjectNode profiles = root.putObject("profiles");
        profiles.put("fiscal", "*");
        profiles.put("tabular", "*");
        ObjectNode period = root.putObject("fiscalPeriod");
        period.put("start", year + "-01-01");
        period.put("end", year + "-12-31");
        ArrayNode contributors = root.putArray("contributors");
        for (String publisher : publishers) {
            ObjectNode author = contributors.addObject();
            author.put("title", publisher);
            author.put("role", "publisher");
        }

        ArrayNode resources = root.putArray("resources");
        ObjectNode res = resources.addObject();
        res.put("name", "lines");
        res.put("title", "预算明细");
        res.put("path", "data/lines.csv");
        res.put("format", "csv");
        res.put("mediatype", "text/csv");
        res.put("encoding", "utf-8");
        ObjectNode dialect = res.putObject("dialect");
        dialect.put("delimiter", ",");
        dialect.put("lineTerminator", "\r\n");
        dialect.put("header", true);
        ArrayNode fields = res.putObject("schema").putArray("fields");
        for (String[] f : FIELDS) {
            ObjectNode x = fields.addObject();
            x.put("name", f[0]);
            x.put("type", f[1]);
            x.put("title", f[2]);
            if (!f[3].isEmpty()) x.put("description", f[3]);
            if (f[0].equals("amount")) {
                x.put("decimalChar", ".");
                x.put("groupChar", "");
            }
        }

        ObjectNode model = root.putObject("model");
        ObjectNode amount = model.putObject("measures").putObject("amount");
        amount.put("source", "amount");
        amount.put("currency", "CNY");
        amount.put("factor", 1);
        amount.put("resource", "lines");
        amount.put("direction", "expenditure");
        amount.put("phase", basis.equals("决算") ? "executed" : "approved");
        amount.put("title", basis.equals("决算") ? "决算数" : "预算数");

        ObjectNode dims = model.putObject("dimensions");
        hierarchy(dims, "functional", "functional", "支出功能分类", new String[][] {
                {"class_code", "func_class_code", null}, {"class_name", "func_class_name", "class_code"},
                {"section_code", "func_section_code", null, "class_code"}, {"section_name", "func_section_name", "section_code"},
                {"code", "func_code", null, "section_code"}, {"name", "func_name", "code"}}, "code");
        hierarchy(dims, "economic", "economic", "部门预算支出经济分类", new String[][] {
                {"class_code", "eco_class_code", null}, {"class_name", "eco_class_name", "class_code"},
                {"code", "eco_code", null, "class_code"}, {"name", "eco_name", "code"}}, "code");
        ObjectNode admin = hierarchy(dims, "administrative", "administrative", "部门和单位", new String[][] {
                {"department_code", "department_code", null}, {"department_name", "department_name", "department_code"},
                {"code", "unit_code", null, "department_code"}, {"name", "unit_name", "code"}}, "code");
        admin.put("dimensionType", "entity");
        admin.put("classificationType", "administrative");
        simple(dims, "funding_source", "other", "资金来源", new String[][] {
                {"code", "source_code", null}, {"name", "source_name", "code"}, {"budget", "budget", null}, {"period", "period", null}}, "code");
        simple(dims, "nature", "classification", "支出性质", new String[][] {{"nature", "nature", null}, {"kind", "kind", null}}, "kind");
        simple(dims, "project", "activity", "项目", new String[][] {{"code", "project_code", null}, {"name", "project_name", "code"}}, "code");
        simple(dims, "fiscal_year", "datetime", "年度", new String[][] {{"year", "fiscal_year", null}}, "year");
        try {
            return m.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A classification dimension: attributes {key, source field, labelfor, parent}. */
    private static ObjectNode hierarchy(ObjectNode dims, String name, String type, String title, String[][] attrs, String key) {
        ObjectNode d = simple(dims, name, "classification", title, attrs, key);
        d.put("classificationType", type);
        return d;
    }

    private static ObjectNode simple(ObjectNode dims, String name, String dimensionType, String title, String[][] attrs, String key) {
        ObjectNode d = dims.putObject(name);
        d.put("title", title);
        ObjectNode a = d.putObject("attributes");
        for (String[] x : attrs) {
            ObjectNode at = a.putObject(x[0]);
            at.put("source", x[1]);
            at.put("resource", "lines");
            if (x[2] != null) at.put("labelfor", x[2]);
            if (x.length > 3 && x[3] != null) at.put("parent", x[3]);
        }
        d.put("primaryKey", key);
        d.put("dimensionType", dimensionType);
        return d;
    }
}
