package org.openbudget.web.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openbudget.io.InputProblem;
import org.openbudget.web.db.repositories.Agency;
import org.openbudget.web.db.repositories.AgencyRepository;
import org.openbudget.web.db.repositories.AuditLogRepository;
import org.openbudget.web.security.AccessPolicy;
import org.openbudget.web.security.BudgetUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry a finance bureau sets up before anything else: regions (地区 — a finance bureau each), departments
 * (部门) and units (单位: code, name, type 行政/参公/事业, department, region). The administrator creates, edits
 * and deletes them one by one, or imports a list (CSV or Excel) — all of it or, on any problem, none of it,
 * every problem given with its row and column.
 */
@Service
public class RegistryService {
    public static final Set<String> TYPES = Set.of("行政", "参公", "事业");
    public static final Set<String> KINDS = Set.of("单位", "部门");
    /** The columns of an import, in order. */
    public static final List<String> COLUMNS = List.of("代码", "名称", "类别", "性质", "主管部门代码", "地区代码", "地区名称");
    static final int MAX_ROWS = 20_000;

    private final AgencyRepository agencies;
    private final AuditLogRepository audit;
    private final AccessPolicy policy;

    public RegistryService(AgencyRepository agencies, AuditLogRepository audit, AccessPolicy policy) {
        this.agencies = agencies;
        this.audit = audit;
        this.policy = policy;
    }

    private void admin(BudgetUser u) { AccessPolicy.require(policy.isAdmin(u), "系统管理"); }

    public record Registry(Map<String, String> regions, List<Agency> agencies) {}

    public Registry registry(BudgetUser u) {
        admin(u);
        return new Registry(agencies.regions(), agencies.all());
    }

    @Transactional
    public void saveRegion(BudgetUser u, String code, String name) {
        admin(u);
        String c = trim(code), n = trim(name);
        if (!c.matches("[0-9]{2,12}")) throw new RuleViolation("地区代码应为 2–12 位数字（行政区划代码，如 650100），而不是“" + c + "”。");
        if (n.isEmpty() || n.length() > 100) throw new RuleViolation("地区名称不能为空，至多 100 字。");
        boolean existed = agencies.regions().containsKey(c);
        agencies.upsertRegion(c, n);
        audit.record(u.username(), existed ? "修改地区" : "新建地区", null, null, c + " " + n);
    }

    /** A department or unit as typed (one form, one API call or one row of an import). */
    public record AgencyInput(String code, String name, String kind, String type, String parentCode, String regionCode, Integer position) {}

    @Transactional
    public Agency saveAgency(BudgetUser u, AgencyInput in) {
        admin(u);
        List<String> problems = new ArrayList<>();
        Agency a = validate(in, agencies.regions(), byCode(agencies.all()), problems::add);
        if (!problems.isEmpty()) throw new RuleViolation(String.join("；", problems));
        boolean existed = agencies.find(a.code()).isPresent();
        agencies.upsert(a);
        audit.record(u.username(), existed ? "修改单位" : "新建单位", a.code(), null, a.kind() + " " + a.name() + "（" + a.type() + "，地区 " + a.regionCode()
                + (a.parentCode() == null ? "" : "，主管部门 " + a.parentCode()) + "）");
        return a;
    }

    @Transactional
    public void deleteAgency(BudgetUser u, String code) {
        admin(u);
        Agency a = agencies.find(code).orElseThrow(() -> new NotFoundException("没有单位或部门 " + code));
        List<String> refs = agencies.references(code);
        if (!refs.isEmpty()) throw new RuleViolation(a.name() + " 不能删除：还有 " + String.join("、", refs) + "。");
        agencies.delete(code);
        audit.record(u.username(), "删除单位", code, null, a.kind() + " " + a.name());
    }

    private static Map<String, Agency> byCode(List<Agency> all) {
        Map<String, Agency> m = new LinkedHashMap<>();
        all.forEach(a -> m.put(a.code(), a));
        return m;
    }

    private static String trim(String s) { return s == null ? "" : s.strip(); }

    interface Problems { void add(String p); }

    /** One agency checked against the regions and agencies known (including those of the same import); problems in words. */
    static Agency validate(AgencyInput in, Map<String, String> regions, Map<String, Agency> known, Problems problems) {
        String code = trim(in.code()), name = trim(in.name()), kind = trim(in.kind()), type = trim(in.type());
        String parent = trim(in.parentCode()), region = trim(in.regionCode());
        List<String> local = new ArrayList<>();
        if (!code.matches("[0-9A-Za-z]{1,32}")) local.add("代码应为 1–32 位数字或字母，而不是“" + code + "”");
        if (name.isEmpty() || name.length() > 200) local.add("名称不能为空，至多 200 字");
        if (!KINDS.contains(kind)) local.add("类别应为 单位 或 部门，而不是“" + kind + "”");
        if (!TYPES.contains(type)) local.add("性质应为 行政、参公 或 事业，而不是“" + type + "”");
        if (!regions.containsKey(region)) local.add("地区代码 " + (region.isEmpty() ? "（空）" : region) + " 不存在，请先建立该地区");
        Agency existing = known.get(code);
        if (kind.equals("部门")) {
            if (!parent.isEmpty()) local.add("部门没有主管部门，主管部门代码应为空");
        } else if (kind.equals("单位")) {
            if (existing != null && existing.isDepartment() && known.values().stream().anyMatch(x -> code.equals(x.parentCode())))
                local.add("该部门还有所属单位，不能改为单位");
            if (!parent.isEmpty()) {
                Agency p = known.get(parent);
                if (p == null) local.add("主管部门 " + parent + " 不存在");
                else if (!p.isDepartment()) local.add("主管部门 " + parent + "（" + p.name() + "）不是部门");
                else if (!p.regionCode().equals(region)) local.add("主管部门 " + parent + " 属于地区 " + p.regionCode() + "，与单位的地区 " + region + " 不同");
            }
        }
        if (existing != null && existing.isDepartment() && !existing.regionCode().equals(region)
                && known.values().stream().anyMatch(x -> code.equals(x.parentCode()) && !x.regionCode().equals(region)))
            local.add("该部门的所属单位在地区 " + existing.regionCode() + "，请先调整所属单位");
        local.forEach(problems::add);
        if (!local.isEmpty()) return null;
        int position = in.position() != null ? in.position() : existing != null ? existing.position() : 0;
        return new Agency(code, name, kind, type, region, parent.isEmpty() ? null : parent, position);
    }

    /** What an import did. */
    public record ImportResult(int regions, int created, int updated) {}

    /**
     * Imports a list (CSV, UTF-8 or GB18030, or an Excel .xlsx: first sheet) with the header row
     * 代码,名称,类别,性质,主管部门代码,地区代码[,地区名称]. Departments before units whatever the order; a region
     * with a name is created or renamed. Nothing is stored unless every row is right.
     */
    @Transactional
    public ImportResult importList(BudgetUser u, String filename, byte[] bytes) {
        admin(u);
        List<List<String>> rows = read(filename, bytes);
        if (rows.isEmpty()) throw new InvalidDatasetException("文件是空的：第一行应为表头 " + String.join(",", COLUMNS) + "。", List.of());
        List<String> header = rows.get(0).stream().map(RegistryService::trim).toList();
        List<InputProblem> problems = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            if (header.size() <= c || !header.get(c).equals(COLUMNS.get(c)))
                problems.add(new InputProblem(filename, 1, "第 " + (c + 1) + " 列", "表头应为“" + COLUMNS.get(c) + "”，而不是“" + (header.size() > c ? header.get(c) : "") + "”"));
        }
        if (!problems.isEmpty()) throw new InvalidDatasetException(filename + "：表头不对（应为 " + String.join(",", COLUMNS) + "）", problems);
        if (rows.size() - 1 > MAX_ROWS) throw new RuleViolation(filename + "：至多 " + MAX_ROWS + " 行，而文件有 " + (rows.size() - 1) + " 行。");

        Map<String, String> regions = new LinkedHashMap<>(agencies.regions());
        Map<String, String> newRegions = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String region = cell(row, 5), regionName = cell(row, 6);
            if (!region.isEmpty() && !regionName.isEmpty()) {
                if (!region.matches("[0-9]{2,12}")) problems.add(new InputProblem(filename, r + 1, "地区代码", "应为 2–12 位数字，而不是“" + region + "”"));
                else { regions.put(region, regionName); newRegions.put(region, regionName); }
            }
        }
        Map<String, Agency> known = byCode(agencies.all());
        Set<String> existingCodes = Set.copyOf(known.keySet());
        List<Agency> out = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        // departments first, so that units of the same list find them
        for (String pass : List.of("部门", "单位")) {
            for (int r = 1; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                if (row.stream().allMatch(x -> trim(x).isEmpty())) continue;
                String kind = cell(row, 2);
                if (pass.equals("部门") != kind.equals("部门")) continue;
                int line = r + 1;
                Integer first = seen.putIfAbsent(cell(row, 0), line);
                if (first != null) { problems.add(new InputProblem(filename, line, "代码", cell(row, 0) + " 与第 " + first + " 行重复")); continue; }
                Agency a = validate(new AgencyInput(cell(row, 0), cell(row, 1), kind, cell(row, 3), cell(row, 4), cell(row, 5), null),
                        regions, known, p -> problems.add(new InputProblem(filename, line, "", p)));
                if (a != null) { known.put(a.code(), a); out.add(a); }
            }
        }
        if (!problems.isEmpty()) throw new InvalidDatasetException(filename + "：有 " + problems.size() + " 处问题，什么也没有导入", problems);
        newRegions.forEach(agencies::upsertRegion);
        int created = 0;
        for (Agency a : out) {
            if (!existingCodes.contains(a.code())) created++;
            agencies.upsert(a);
        }
        audit.record(u.username(), "导入单位名录", null, null, filename + "：地区 " + newRegions.size() + "，新建 " + created + "，更新 " + (out.size() - created));
        return new ImportResult(newRegions.size(), created, out.size() - created);
    }

    private static String cell(List<String> row, int i) { return i < row.size() ? trim(row.get(i)) : ""; }

    static List<List<String>> read(String filename, byte[] bytes) {
        String lower = filename == null ? "" : filename.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".xlsx") || (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K')) return readXlsx(filename, bytes);
        if (lower.endsWith(".xls")) throw new RuleViolation(filename + "：请另存为 .xlsx（Excel 2007 及以后）或 CSV 再导入。");
        return readCsv(ReferenceDataService.text(bytes));
    }

    private static List<List<String>> readXlsx(String filename, byte[] bytes) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS + 1) throw new RuleViolation(filename + "：至多 " + MAX_ROWS + " 行。");
            DataFormatter f = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) for (int c = 0; c < Math.min(row.getLastCellNum(), 7); c++) cells.add(row.getCell(c) == null ? "" : f.formatCellValue(row.getCell(c)));
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuleViolation rv) throw rv;
            throw new RuleViolation(filename + "：不是可读的 Excel 工作簿（" + e.getMessage() + "）。");
        }
    }

    /** CSV as Excel and WPS write it: commas, double quotes doubling a quote, a quoted cell may hold commas and line breaks. */
    static List<List<String>> readCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { cell.append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.append(ch);
            } else if (ch == '"') quoted = true;
            else if (ch == ',') { row.add(cell.toString()); cell.setLength(0); }
            else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                row.add(cell.toString()); cell.setLength(0);
                rows.add(row); row = new ArrayList<>();
            } else if (ch != '\uFEFF') cell.append(ch);
        }
        if (cell.length() > 0 || !row.isEmpty()) { row.add(cell.toString()); rows.add(row); }
        return rows;
    }
}
