package org.openbudget.io.workbook;

import static org.openbudget.io.workbook.WorkbookLayout.*;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openbudget.core.classification.Classification;
import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.ledger.Agency;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.ledger.AgencyType;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Origin;
import org.openbudget.core.ledger.Project;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.dataset.DatasetRules;
import org.openbudget.io.guard.FailureLog;
import org.openbudget.io.guard.ReadGuard;
import org.openbudget.io.guard.ReadLimits;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * Reads a budget workbook (.xlsx, docs/workbook.md) into the same {@link Budget} the YAML
 * {@code DatasetReader} produces, by the same rules ({@link DatasetRules}). Every problem is an
 * {@link InputProblem} naming the file, the cell ("预算明细!C17"), the column and what is
 * expected; nothing is half-read: either the whole budget or an {@link InputException}.
 */
public final class WorkbookReader {
    private final ReferenceLibrary library;

    public WorkbookReader(ReferenceLibrary library) {
        this.library = library;
    }

    /** True for the file names this reader takes (.xlsx, and .xls / .xlsm to refuse them clearly). */
    public static boolean isWorkbook(Path path) {
        String n = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".xls");
    }

    public Budget read(Path path) {
        String name = path.normalize().toString();
        if (!Files.isRegularFile(path)) throw new InputException(name, 0, "", "文件不存在 (file not found)");
        if (name.toLowerCase(Locale.ROOT).endsWith(".xls")) {
            throw new InputException(name, 0, "", "不支持旧版 .xls 格式：请在 Excel 或 WPS 中“另存为” .xlsx 工作簿后再读取 (save it as .xlsx)");
        }
        try {
            tooLarge(name, Files.size(path));
        } catch (IOException e) {
            throw new InputException(name, 0, "", "无法读取文件 (cannot read the file)");
        }
        return ReadGuard.read(name, () -> {
            try (InputStream in = Files.newInputStream(path)) {
                return parse(name, in);
            } catch (IOException e) {
                throw new InputException(name, 0, "", "无法读取文件 (cannot read the file)");
            }
        });
    }

    private static void tooLarge(String name, long size) {
        long max = ReadLimits.current().workbookBytes();
        if (size > max) {
            throw new InputException(name, 0, "", "工作簿文件过大（" + ReadLimits.size(size) + "，上限 " + ReadLimits.size(max) + "），不像一个预算填报工作簿 (workbook too large)");
        }
    }

    /** Reads a workbook from bytes (an upload); the stream is read to its end, at most the workbook size limit. */
    public Budget read(String file, InputStream in) {
        byte[] bytes;
        try {
            long max = ReadLimits.current().workbookBytes();
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (IOException e) {
            throw new InputException(file, 0, "", "无法读取文件 (cannot read the file)");
        }
        tooLarge(file, bytes.length);
        return ReadGuard.read(file, () -> parse(file, new java.io.ByteArrayInputStream(bytes)));
    }

    static {
        guardZip(ReadLimits.current());
    }

    /**
     * POI's zip-bomb guards, set rather than defaulted (they are process-wide): the smallest
     * compression ratio of an entry, an entry's inflated size, the number of entries and the text
     * extracted from a part.
     */
    static void guardZip(ReadLimits limits) {
        ZipSecureFile.setMinInflateRatio(limits.zipMinRatioPermille() / 1000.0);
        ZipSecureFile.setMaxEntrySize(limits.zipEntryBytes());
        ZipSecureFile.setMaxFileCount(limits.zipEntries());
        ZipSecureFile.setMaxTextSize(limits.zipTextChars());
    }

    private Budget parse(String file, InputStream in) {
        XSSFWorkbook wb;
        ReadGuard.at("工作簿的结构（zip 与 XML 部件）");
        try {
            wb = new XSSFWorkbook(in);
        } catch (OLE2NotOfficeXmlFileException | EncryptedDocumentException e) {
            throw new InputException(file, 0, "", "文件是旧版 .xls 或加密的工作簿：请取消密码保护并另存为 .xlsx (an unencrypted .xlsx workbook is expected)");
        } catch (NotOfficeXmlFileException e) {
            throw new InputException(file, 0, "", "文件不是 Excel 工作簿 (.xlsx)：没有找到工作簿的内容 (not an .xlsx workbook)");
        } catch (IOException | RuntimeException e) {
            String id = FailureLog.log(file, "opening the workbook", e);
            throw new InputException(file, 0, "", "无法读取 Excel 工作簿：文件已损坏、过大（压缩比异常）或不是 Excel/WPS 保存的 .xlsx；请在 Excel 或 WPS 中打开并重新保存"
                    + "（记录编号 " + id + "） (not a readable .xlsx workbook)");
        }
        try (wb) {
            return new Parse(file, wb).budget();
        } catch (IOException e) {
            throw new InputException(file, 0, "", "无法读取文件 (cannot read the file)");
        }
    }

    /**
     * A problem at a field of the sheet 单位信息 (say {@link WorkbookLayout#F_PROFILE}), located as the
     * reader locates it: at column B of the row whose column A is the field's label ("单位信息!B4").
     * For a check the reader cannot make itself (the web's "this region uses another profile"); when
     * the workbook or the row cannot be read, the problem names the sheet and the field only.
     */
    public static InputProblem agencyFieldProblem(String file, byte[] xlsx, String field, String message) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            Sheet info = wb.getSheet(AGENCY);
            org.apache.poi.ss.usermodel.DataFormatter text = new org.apache.poi.ss.usermodel.DataFormatter(Locale.ROOT);
            for (int r = 1; info != null && r <= Math.min(info.getLastRowNum(), 60); r++) {
                Row row = info.getRow(r);
                Cell label = row == null ? null : row.getCell(0);
                if (label != null && text.formatCellValue(label).replace('\u00a0', ' ').replace('\u3000', ' ').replace(" ", "").equals(field)) {
                    return new InputProblem(file, r + 1, field, message, cell(AGENCY, 1, r + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not readable here: located by sheet and field only
        }
        return new InputProblem(file, 0, field, message, AGENCY);
    }

    /** A cell's content as text: null when blank; {@code bad} when a problem was reported for it. */
    private record Value(String text, boolean bad) {
        static final Value BLANK = new Value(null, false);
        static final Value BAD = new Value(null, true);
        boolean blank() { return text == null && !bad; }
    }

    /** A field of 单位信息: its text and the (1-based) row it is on. */
    private record Field(String text, int row) {}

    private static final java.math.MathContext EXCEL_PRECISION = new java.math.MathContext(15);

    /** The decimals of a plain number format ("0.00", "#,##0.0"); -1 for any other (General, percent, date). */
    static int decimals(String format) {
        if (format == null || !format.matches("[#,0]*0(\\.0+)?")) return -1;
        int dot = format.indexOf('.');
        return dot < 0 ? 0 : format.length() - dot - 1;
    }
    private static final Pattern CODE_AND_NAME = Pattern.compile("(?s)^(\\d[\\d ]*\\d|\\d)\\s*(.*)$");
    private static final Pattern SOURCE_AND_NAME = Pattern.compile("(?s)^([A-Z][A-Z_]*+)\\s+(.+)$");

    /** One reading of one workbook; collects every problem. */
    private final class Parse {
        final String file;
        final XSSFWorkbook wb;
        final List<InputProblem> problems = new ArrayList<>();
        /** a cell's text as the user sees it (DataFormatter is not thread-safe: one per reading) */
        final org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter(Locale.ROOT);
        /** sort key of each problem: sheet position, row, column — so they read in the workbook's order */
        final Map<InputProblem, long[]> order = new java.util.IdentityHashMap<>();

        Parse(String file, XSSFWorkbook wb) {
            this.file = file;
            this.wb = wb;
        }

        void problem(String sheet, int col, int row, String column, String message) {
            InputProblem p = new InputProblem(file, row, column, message, cell(sheet, col, row));
            problems.add(p);
            order.put(p, new long[] {wb.getSheetIndex(sheet), row, col});
        }

        InputException fail(String sheet, int col, int row, String column, String message) {
            problem(sheet, col, row, column, message);
            return failure();
        }

        /** Every problem found, in the workbook's order. */
        InputException failure() {
            List<InputProblem> sorted = new ArrayList<>(problems);
            sorted.sort(java.util.Comparator.comparing((InputProblem p) -> order.getOrDefault(p, new long[] {-1, 0, 0}),
                    java.util.Arrays::compare));
            return new InputException(sorted);
        }

        Budget budget() {
            Sheet info = wb.getSheet(AGENCY);
            if (info == null) {
                throw new InputException(List.of(new InputProblem(file, 0, "", "缺少工作表“" + AGENCY + "”：这不是本系统的预算填报模板（应有工作表 "
                        + String.join("、", List.of(INSTRUCTIONS, AGENCY, PROJECTS, LINES)) + "）；请下载模板填写 (not a budget workbook)", AGENCY)));
            }
            Map<String, Integer> rows = new HashMap<>();
            for (int r = 1; r <= Math.min(info.getLastRowNum(), 60); r++) {
                Row row = info.getRow(r);
                if (row == null) continue;
                Value v = read(AGENCY, row, 0, "项目", Kind.TEXT);
                if (v.text() != null) rows.putIfAbsent(v.text().replace(" ", ""), r);
            }
            // the version first: another layout cannot be read cell by cell
            Integer vr = rows.get(F_VERSION);
            if (vr == null) throw fail(AGENCY, 0, 2, F_VERSION, "缺少“" + F_VERSION + "”一行：这不是本系统的预算填报模板（" + VERSION + "），请下载模板填写");
            Value version = read(AGENCY, info.getRow(vr), 1, F_VERSION, Kind.TEXT);
            if (!VERSION.equals(version.text())) {
                throw fail(AGENCY, 1, vr + 1, F_VERSION, "模板版本为“" + (version.text() == null ? "" : version.text()) + "”，本系统读取 " + VERSION
                        + " 的工作簿：请下载新模板，把数据复制过去 (wrong or old template version)");
            }
            Map<String, Field> fields = new LinkedHashMap<>();
            for (String f : agencyFields()) {
                Integer r = rows.get(f);
                if (r == null) {
                    problem(AGENCY, 0, info.getLastRowNum() + 2, f, "缺少“" + f + "”一行（第 A 列为项目名，第 B 列为内容）");
                    continue;
                }
                Kind kind = f.equals(F_CODE) ? Kind.ID : f.equals(F_YEAR) ? Kind.CODE : Kind.TEXT;
                Value v = read(AGENCY, info.getRow(r), 1, f, kind);
                if (v.blank()) problem(AGENCY, 1, r + 1, f, "不能为空 (must not be empty)");
                fields.put(f, new Field(v.text(), r + 1));
            }
            if (!problems.isEmpty()) throw failure();
            int yearRow = fields.get(F_YEAR).row();
            int year;
            try {
                year = Integer.parseInt(fields.get(F_YEAR).text());
            } catch (NumberFormatException e) {
                throw fail(AGENCY, 1, yearRow, F_YEAR, "应为年份（整数），实际为 \"" + fields.get(F_YEAR).text() + "\"");
            }
            // a year without its own lists is read with the latest earlier year's (the checks say so)
            ReferenceData ref = library.year(year);
            String profile = fields.get(F_PROFILE).text();
            if (!library.hasProfile(profile)) problem(AGENCY, 1, fields.get(F_PROFILE).row(), F_PROFILE, "找不到模板 " + profile + " (unknown template profile)");
            AgencyKind kind = DatasetRules.agencyKind(fields.get(F_KIND).text(), (f, m) -> problem(AGENCY, 1, fields.get(F_KIND).row(), F_KIND, m));
            AgencyType type = DatasetRules.agencyType(fields.get(F_TYPE).text(), (f, m) -> problem(AGENCY, 1, fields.get(F_TYPE).row(), F_TYPE, m));
            // 报表类型 (optional: a workbook without the row is a budget's)
            String basis = org.openbudget.core.ledger.Accounts.BUDGET;
            Integer br = rows.get(F_BASIS);
            if (br != null) {
                Value bv = read(AGENCY, info.getRow(br), 1, F_BASIS, Kind.TEXT);
                if (bv.text() != null) {
                    if (bv.text().equals(org.openbudget.core.ledger.Accounts.BUDGET) || bv.text().equals(org.openbudget.core.ledger.Accounts.FINAL)) basis = bv.text();
                    else problem(AGENCY, 1, br + 1, F_BASIS, "应为 预算 或 决算，实际为 \"" + bv.text() + "\"");
                }
            }
            boolean isFinal = basis.equals(org.openbudget.core.ledger.Accounts.FINAL);
            if (problems.isEmpty() && library.hasProfile(profile)) {
                String profileBasis = null;
                try {
                    profileBasis = library.profile(profile).meta().basis();
                } catch (RuntimeException e) {
                    // the derivation says what is wrong with the template
                }
                if (profileBasis != null && !profileBasis.equals(basis)) {
                    problem(AGENCY, 1, fields.get(F_PROFILE).row(), F_PROFILE, "模板 " + profile + " 是" + profileBasis + "模板，而工作簿的报表类型是" + basis
                            + "：请选用" + basis + "模板 (the template's basis differs from the workbook's)");
                }
            }
            if (!problems.isEmpty()) throw failure();
            Agency agency = new Agency(fields.get(F_CODE).text(), fields.get(F_NAME).text(), kind, type);
            boolean dept = kind == AgencyKind.DEPARTMENT;
            String linesSheet = linesSheet(isFinal);

            List<String> required = new ArrayList<>(dept ? List.of(UNITS, PROJECTS, linesSheet) : List.of(PROJECTS, linesSheet));
            required.removeIf(s -> wb.getSheet(s) != null);
            if (!required.isEmpty()) {
                for (String s : required) {
                    problems.add(new InputProblem(file, 0, "", "缺少工作表“" + s + "”（" + agency.kind().label() + "工作簿应有工作表 "
                            + String.join("、", dept ? List.of(AGENCY, UNITS, PROJECTS, linesSheet) : List.of(AGENCY, PROJECTS, linesSheet)) + "；请勿删除或改名）", s));
                }
                throw failure();
            }

            // 组成单位
            Map<String, Agency> units = new LinkedHashMap<>();
            if (dept) {
                for (Rec rec : records(UNITS, unitColumns())) {
                    String code = rec.get("agency_code");
                    String name = rec.get("agency_name");
                    AgencyType t = rec.get("agency_type") == null ? null
                            : DatasetRules.agencyType(rec.get("agency_type"), (f, m) -> rec.problem(f, m));
                    if (rec.bad() || t == null) continue;
                    if (units.containsKey(code)) rec.problem("agency_code", "单位代码 " + code + " 重复 (duplicate unit)");
                    else units.put(code, new Agency(code, name, AgencyKind.UNIT, t));
                }
                if (units.isEmpty() && problems.isEmpty()) problem(UNITS, 0, HEADER_ROWS + 1, "单位代码", "部门至少应包含一个单位（从第 3 行起填写）");
            } else {
                units.put(agency.code(), agency);
            }

            // 项目
            Map<String, Map<String, Project>> projects = new HashMap<>();
            Map<String, List<Project>> projectLists = new HashMap<>();
            for (String u : units.keySet()) {
                projects.put(u, new HashMap<>());
                projectLists.put(u, new ArrayList<>());
            }
            for (Rec rec : records(PROJECTS, projectColumns(dept))) {
                String unit = dept ? rec.get("agency_code") : agency.code();
                if (dept && unit != null && !units.containsKey(unit)) rec.problem("agency_code", "单位代码 " + unit + " 不在“" + UNITS + "”中 (unknown unit)");
                Boolean classified = yesNo(rec);
                if (rec.bad() || classified == null) continue;
                String undertaking = rec.get("undertaking_code") == null ? unit : rec.get("undertaking_code");
                Project p = new Project(rec.get("pro_code"), rec.get("pro_name"), undertaking, classified);
                DatasetRules.addProject(p, projects.get(unit), projectLists.get(unit), rec::problem);
            }

            // 预算明细
            Map<String, List<LedgerLine>> lines = new HashMap<>();
            for (String u : units.keySet()) lines.put(u, new ArrayList<>());
            List<Column> lineCols = lineColumns(dept);
            for (Rec rec : records(linesSheet, lineCols)) {
                String unit = dept ? rec.get("agency_code") : agency.code();
                if (dept && unit != null && !units.containsKey(unit)) {
                    rec.problem("agency_code", "单位代码 " + unit + " 不在“" + UNITS + "”中 (unknown unit)");
                    continue;
                }
                if (dept && unit == null) continue;
                String func = code(rec, "exp_func_code", ref.functional());
                String eco = code(rec, "dep_bgt_eco_code", ref.economic());
                String source = source(rec, ref);
                if (rec.bad()) {
                    // a missing cell was reported already; still check the rest of the row
                    checkRest(rec, func, eco, source, ref, projects.get(unit).keySet());
                    continue;
                }
                DatasetRules.RawLine raw = new DatasetRules.RawLine(func, eco, rec.get("nature"), rec.get("pro_code"), source, rec.get("amount"));
                LedgerLine line = DatasetRules.line(raw, unit, ref, projects.get(unit).keySet(), "“" + PROJECTS + "”工作表",
                        new Origin(file + " " + linesSheet, rec.row), rec::problem);
                if (line != null && isFinal) {
                    var special = org.openbudget.io.dataset.AccountsPartReader.specialAccount(ref, line);
                    if (special.isPresent()) {
                        rec.problem("fund_source", special.get());
                        continue;
                    }
                }
                if (line != null) lines.get(unit).add(line);
            }
            // a 决算's accounts are read even when a ledger row was refused: every problem of the workbook at once
            if (!problems.isEmpty() && !isFinal) throw failure();

            Origin origin = new Origin(file, 1);
            Map<String, Budget> members = new LinkedHashMap<>();
            for (Agency u : units.values()) {
                members.put(u.code(), new Budget(u, year, profile, projectLists.get(u.code()), lines.get(u.code()), List.of(),
                        dept ? new Origin(file + " " + UNITS, 0) : origin));
            }
            if (isFinal) accounts(members, dept, ref, profile);
            if (!problems.isEmpty()) throw failure();
            Budget budget;
            if (!dept) {
                budget = members.get(agency.code());
            } else {
                budget = new Budget(agency, year, profile, List.of(), List.of(), List.copyOf(members.values()), origin)
                        .withAccounts(new org.openbudget.core.ledger.Accounts(basis, Map.of(), null));
            }
            return new TextPart(closing(info, rows)).apply(budget, ref);
        }

        /**
         * 收支与结转 of a 决算 workbook: each unit's rows written as the YAML of its {@code accounts:} and read by the dataset's
         * own accounts reader; each problem reported at the cell its line came from. The units get their accounts.
         */
        private void accounts(Map<String, Budget> members, boolean dept, ReferenceData ref, String profile) {
            if (wb.getSheet(ACCOUNTS) == null) {
                members.replaceAll((k, u) -> u.withAccounts(new org.openbudget.core.ledger.Accounts(org.openbudget.core.ledger.Accounts.FINAL, Map.of(), null)));
                return;
            }
            Map<String, List<Rec>> byUnit = new LinkedHashMap<>();
            for (Rec rec : records(ACCOUNTS, accountColumns(dept))) {
                if (rec.bad()) continue;
                String unit = dept ? rec.get("agency_code") : members.keySet().iterator().next();
                if (!members.containsKey(unit)) {
                    rec.problem("agency_code", "单位代码 " + unit + " 不在“" + UNITS + "”中 (unknown unit)");
                    continue;
                }
                byUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(rec);
            }
            org.openbudget.core.measure.MeasureDictionary dict;
            try {
                dict = library.profile(profile).measures();
            } catch (RuntimeException e) {
                dict = library.measures();
            }
            for (var m : members.entrySet()) {
                List<Rec> rows = byUnit.getOrDefault(m.getKey(), List.of());
                YamlBridge y = new YamlBridge();
                if (!rows.isEmpty()) {
                    YamlBridge.Cell first = cellOf(rows.get(0), "flow");
                    y.open(0, "accounts", first);
                    Map<String, List<Rec>> byFlow = new LinkedHashMap<>();
                    for (Rec r : rows) byFlow.computeIfAbsent(r.get("flow"), k -> new ArrayList<>()).add(r);
                    for (var f : byFlow.entrySet()) {
                        y.open(1, f.getKey(), cellOf(f.getValue().get(0), "flow"));
                        for (Rec r : f.getValue()) {
                            String func = code(r, "exp_func_code", ref.functional());
                            String eco = r.get("dep_bgt_eco_code") == null ? null : code(r, "dep_bgt_eco_code", ref.economic());
                            String source = source(r, ref);
                            // the entry opens on a line of its own, at the row's 收支类别: a problem of the flow (its list) is said there
                            y.dash(2, cellOf(r, "flow"));
                            y.value(3, "exp_func_code", func, cellOf(r, "exp_func_code"));
                            y.value(3, "fund_source", source, cellOf(r, "fund_source"));
                            y.value(3, "amount", r.get("amount"), cellOf(r, "amount"));
                            if (eco != null) y.value(3, "dep_bgt_eco_code", eco, cellOf(r, "dep_bgt_eco_code"));
                            if (r.get("nature") != null) y.value(3, "nature", r.get("nature"), cellOf(r, "nature"));
                            if (r.get("pro_code") != null) y.value(3, "pro_code", r.get("pro_code"), cellOf(r, "pro_code"));
                        }
                    }
                }
                List<InputProblem> found = new ArrayList<>();
                var accounts = org.openbudget.io.dataset.AccountsPartReader.read(file, y.yaml(), ref, dict, m.getValue(), found);
                for (InputProblem p : found) {
                    YamlBridge.Cell c = y.cell(p.line());
                    if (c == null) problem(ACCOUNTS, 0, HEADER_ROWS + 1, "收支类别", p.message());
                    else problem(c.sheet(), c.column(), c.row(), c.label(), p.message());
                }
                m.setValue(m.getValue().withAccounts(accounts));
            }
            if (!problems.isEmpty()) throw failure();
        }

        private YamlBridge.Cell cellOf(Rec r, String field) {
            Integer c = r.cols.get(field);
            return new YamlBridge.Cell(r.sheet, c == null ? 0 : c, r.row, r.columns.get(field).label());
        }

        /** 落款日期 (optional row of 单位信息): a date cell or the text yyyy-mm-dd; null when absent or blank. */
        private Field closing(Sheet info, Map<String, Integer> rows) {
            Integer r = rows.get(F_CLOSING);
            if (r == null) return null;
            Cell c = info.getRow(r).getCell(1);
            if (c != null && c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
                return new Field(c.getLocalDateTimeCellValue().toLocalDate().toString(), r + 1);
            }
            Value v = read(AGENCY, info.getRow(r), 1, F_CLOSING, Kind.TEXT);
            return v.text() == null ? null : new Field(v.text(), r + 1);
        }

        // ------------------------------------------------------------ the text part

        /** The text sheets, written as the YAML of the dataset's text part and read by its own reader. */
        final class TextPart {
            final Field closing;
            final YamlBridge y = new YamlBridge();

            TextPart(Field closing) {
                this.closing = closing;
            }

            YamlBridge.Cell at(Rec r, String field) {
                Integer c = r.cols.get(field);
                return new YamlBridge.Cell(r.sheet, c == null ? 0 : c, r.row, r.columns.get(field).label());
            }

            List<Rec> table(String name) {
                TableSheet t = textTables().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
                if (wb.getSheet(name) == null) return List.of();
                return records(name, t.columns()).stream().filter(r -> !r.bad()).toList();
            }

            /** A form sheet's filled fields, in the spec's order: path → (text, cell). */
            Map<String, YamlBridge.Cell> formCells = new HashMap<>();

            Map<String, String> form(String name) {
                FormSheet f = textForms(library.measures()).stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
                Map<String, String> out = new LinkedHashMap<>();
                Sheet sheet = wb.getSheet(name);
                if (sheet == null) return out;
                merged(sheet, name);
                Map<String, Integer> rows = new HashMap<>();
                for (int r = 1; r <= Math.min(sheet.getLastRowNum(), 100); r++) {
                    Value v = read(name, sheet.getRow(r), 0, "项目", Kind.TEXT);
                    if (v.text() == null) continue;
                    String label = v.text().replace(" ", "");
                    if (f.fields().stream().noneMatch(c -> c.label().replace(" ", "").equals(label))) {
                        if (read(name, sheet.getRow(r), 1, label, Kind.TEXT).text() != null) {
                            problem(name, 0, r + 1, "项目", "未知的项目“" + v.text() + "”（本表的项目为 "
                                    + String.join("、", f.fields().stream().map(Column::label).toList()) + "）");
                        }
                        continue;
                    }
                    rows.putIfAbsent(label, r);
                }
                for (Column c : f.fields()) {
                    Integer r = rows.get(c.label().replace(" ", ""));
                    if (r == null) continue;
                    Value v = read(name, sheet.getRow(r), 1, c.label(), c.kind());
                    if (v.text() == null) continue;
                    out.put(c.field(), v.text());
                    formCells.put(name + "/" + c.field(), new YamlBridge.Cell(name, 1, r + 1, c.label()));
                }
                return out;
            }

            /** Emits a form's values as nested mappings (building.area → building: area:). */
            void emitForm(String sheet, String key, Map<String, String> values, int indent) {
                if (values.isEmpty()) return;
                YamlBridge.Cell first = formCells.get(sheet + "/" + values.keySet().iterator().next());
                y.open(indent, key, first);
                List<String> open = new ArrayList<>();
                for (Map.Entry<String, String> e : values.entrySet()) {
                    YamlBridge.Cell at = formCells.get(sheet + "/" + e.getKey());
                    String[] segs = e.getKey().split("\\.");
                    int k = 0;
                    while (k < open.size() && k < segs.length - 1 && open.get(k).equals(segs[k])) k++;
                    while (open.size() > k) open.remove(open.size() - 1);
                    for (int i = k; i < segs.length - 1; i++) {
                        y.open(indent + 1 + i, segs[i], at);
                        open.add(segs[i]);
                    }
                    y.value(indent + segs.length, segs[segs.length - 1], e.getValue(), at);
                }
            }

            /** A key → text mapping from two columns of a table, each key once. */
            void emitMap(int indent, String key, List<Rec> rows, String keyField, String valueField) {
                if (rows.isEmpty()) return;
                y.open(indent, key, at(rows.get(0), keyField));
                Map<String, Integer> seen = new HashMap<>();
                for (Rec r : rows) {
                    String k = r.get(keyField);
                    Integer before = seen.putIfAbsent(k, r.row);
                    if (before != null) {
                        r.problem(keyField, "“" + k + "”重复（第 " + before + " 行已有）");
                        continue;
                    }
                    YamlBridge.Cell keyCell = at(r, keyField);
                    YamlBridge.Cell valueCell = at(r, valueField);
                    y.value(indent + 1, k, r.get(valueField), new YamlBridge.Cell(keyCell.sheet(), keyCell.column(), keyCell.row(), keyCell.label(), valueCell));
                }
            }

            void emitIndicators(int indent, List<Rec> rows) {
                if (rows.isEmpty()) return;
                y.open(indent, "indicators", at(rows.get(0), "level1"));
                for (Rec r : rows) {
                    y.dash(indent + 1, at(r, "level1"));
                    for (String f : List.of("level1", "level2", "level3", "target", "basis", "last_year", "weight", "scoring_rule", "evidence")) {
                        y.item(indent + 2, r.get(f) == null ? "" : r.get(f), at(r, f));
                    }
                }
            }

            /** 绩效目标表顺序: whole numbers from 1, each once; the projects in that order. */
            private void performanceOrder(List<Rec> texts) {
                Map<Integer, Rec> order = new java.util.TreeMap<>();
                for (Rec r : texts) {
                    String v = r.get("performance_order");
                    if (v == null) continue;
                    int n;
                    try {
                        n = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        n = 0;
                    }
                    if (n < 1) {
                        r.problem("performance_order", "应为从 1 开始的整数，实际为 \"" + v + "\"");
                        continue;
                    }
                    Rec before = order.putIfAbsent(n, r);
                    if (before != null) r.problem("performance_order", "顺序 " + n + " 重复（第 " + before.row + " 行已有）");
                }
                if (order.isEmpty()) return;
                y.open(0, "performance_order", at(order.values().iterator().next(), "performance_order"));
                for (Rec r : order.values()) y.item(1, r.get("pro_code"), at(r, "performance_order"));
            }

            Budget apply(Budget budget, ReferenceData ref) {
                List<Rec> functions = table(FUNCTIONS);
                List<Rec> offices = table(OFFICES);
                Map<String, String> personnel = form(PERSONNEL);
                List<Rec> lastYear = table(LAST_YEAR);
                List<Rec> reasons = table(REASONS);
                List<Rec> classNotes = table(CLASS_NOTES);
                List<Rec> texts = table(PROJECT_TEXTS);
                List<Rec> allocations = table(ALLOCATIONS);
                List<Rec> indicators = table(PROJECT_INDICATORS);
                List<Rec> carry = table(CARRY_OVER);
                Map<String, String> procurement = form(PROCUREMENT);
                Map<String, String> assets = form(ASSETS);
                Map<String, String> overall = form(OVERALL);
                List<Rec> overallIndicators = table(OVERALL_INDICATORS);
                List<Rec> other = table(OTHER_MATTERS);
                // a row with a problem is left out; the others are still checked, so every problem is reported at once

                if (!functions.isEmpty() || !offices.isEmpty() || !personnel.isEmpty()) {
                    Rec first = !functions.isEmpty() ? functions.get(0) : !offices.isEmpty() ? offices.get(0) : null;
                    y.open(0, "overview", first != null ? at(first, first.columns.keySet().iterator().next())
                            : formCells.get(PERSONNEL + "/" + personnel.keySet().iterator().next()));
                    if (!functions.isEmpty()) {
                        y.open(1, "functions", at(functions.get(0), "function"));
                        for (Rec r : functions) y.item(2, r.get("function"), at(r, "function"));
                    }
                    if (!offices.isEmpty()) {
                        y.open(1, "offices", at(offices.get(0), "office"));
                        for (Rec r : offices) y.item(2, r.get("office"), at(r, "office"));
                    }
                    emitForm(PERSONNEL, "personnel", personnel, 1);
                }
                if (!lastYear.isEmpty()) {
                    y.open(0, "last_year", at(lastYear.get(0), "key"));
                    emitMap(1, "amounts", lastYear, "key", "amount");
                }
                emitMap(0, "reasons", reasons, "key", "reason");
                emitMap(0, "class_notes", classNotes, "class_code", "note");

                // projects: 项目说明 rows, with their allocations and indicators (a project named only there too)
                Map<String, List<Rec>> byProject = new LinkedHashMap<>();
                Map<String, Rec> textRow = new HashMap<>();
                for (Rec r : texts) {
                    String code = r.get("pro_code");
                    if (textRow.putIfAbsent(code, r) != null) {
                        r.problem("pro_code", "项目说明重复 " + code + "（第 " + textRow.get(code).row + " 行已有）");
                        continue;
                    }
                    byProject.computeIfAbsent(code, k -> new ArrayList<>()).add(r);
                }
                for (Rec r : allocations) byProject.computeIfAbsent(r.get("pro_code"), k -> new ArrayList<>());
                for (Rec r : indicators) byProject.computeIfAbsent(r.get("pro_code"), k -> new ArrayList<>());
                if (!byProject.isEmpty()) {
                    Rec firstRow = !texts.isEmpty() ? texts.get(0) : !allocations.isEmpty() ? allocations.get(0) : indicators.get(0);
                    y.open(0, "project_texts", at(firstRow, "pro_code"));
                    for (String code : byProject.keySet()) {
                        Rec t = textRow.get(code);
                        List<Rec> alloc = allocations.stream().filter(r -> r.get("pro_code").equals(code)).toList();
                        List<Rec> ind = indicators.stream().filter(r -> r.get("pro_code").equals(code)).toList();
                        Rec head = t != null ? t : !alloc.isEmpty() ? alloc.get(0) : ind.get(0);
                        y.itemValue(1, "pro_code", code, at(head, "pro_code"));
                        if (t != null) {
                            for (String f : List.of("basis", "period", "manager")) if (t.get(f) != null) y.value(2, f, t.get(f), at(t, f));
                        }
                        if (!alloc.isEmpty()) {
                            y.open(2, "allocation", at(alloc.get(0), "item"));
                            for (Rec a : alloc) {
                                y.itemValue(3, "item", a.get("item"), at(a, "item"));
                                y.value(4, "amount", a.get("amount"), at(a, "amount"));
                            }
                        }
                        if ((t != null && t.get("goal") != null) || !ind.isEmpty()) {
                            y.open(2, "target", t != null ? at(t, "goal") : at(ind.get(0), "level1"));
                            if (t != null && t.get("goal") != null) y.value(3, "goal", t.get("goal"), at(t, "goal"));
                            emitIndicators(3, ind);
                        }
                    }
                }
                if (!carry.isEmpty()) {
                    y.open(0, "carry_over_notes", at(carry.get(0), "pro_code"));
                    for (Rec r : carry) {
                        y.itemValue(1, "pro_code", r.get("pro_code"), at(r, "pro_code"));
                        if (r.get("note") != null) y.value(2, "note", r.get("note"), at(r, "note"));
                    }
                }
                emitForm(PROCUREMENT, "procurement", procurement, 0);
                emitForm(ASSETS, "assets", assets, 0);
                emitForm(THREE_PUBLIC, "three_public", form(THREE_PUBLIC), 0);
                emitForm(EVALUATION, "performance_evaluation", form(EVALUATION), 0);
                if (!overall.isEmpty() || !overallIndicators.isEmpty()) {
                    Map<String, String> o = new LinkedHashMap<>(overall);
                    if (o.isEmpty()) y.open(0, "performance_overall", at(overallIndicators.get(0), "level1"));
                    else emitForm(OVERALL, "performance_overall", o, 0);
                    emitIndicators(1, overallIndicators);
                }
                performanceOrder(texts);
                if (!other.isEmpty()) {
                    y.open(0, "other_matters", at(other.get(0), "paragraph"));
                    for (Rec r : other) y.item(1, r.get("paragraph"), at(r, "paragraph"));
                }
                if (closing != null) y.value(0, "closing_date", closing.text(), new YamlBridge.Cell(AGENCY, 1, closing.row(), F_CLOSING));
                if (y.isEmpty()) {
                    if (!problems.isEmpty()) throw failure();
                    return budget;
                }

                List<InputProblem> found = new ArrayList<>();
                org.openbudget.core.profile.TextOutline outline;
                try {
                    outline = library.profile(budget.profileId()).text().outline();
                } catch (RuntimeException e) {
                    outline = org.openbudget.core.profile.TextOutline.NONE;
                }
                var narrative = org.openbudget.io.dataset.TextPartReader.read(file, y.yaml(), ref, outline, budget, found);
                for (InputProblem p : found) {
                    YamlBridge.Cell c = y.cell(p.line());
                    if (c != null) c = c.about(p.message());
                    if (c == null) problems.add(new InputProblem(file, 0, p.field(), p.message(), null));
                    else problem(c.sheet(), c.column(), c.row(), c.label(), p.message());
                }
                if (!problems.isEmpty()) throw failure();
                return budget.withNarrative(narrative);
            }
        }

        /** With a cell of the row already wrong, the rules still report the others (blank ones were reported as blank). */
        private void checkRest(Rec rec, String func, String eco, String source, ReferenceData ref, Set<String> known) {
            DatasetRules.Sink sink = (f, m) -> {
                String field = f.isEmpty() ? "pro_code" : f;
                if (!rec.badFields.contains(field)) rec.problem(f, m);
            };
            if (func != null) DatasetRules.funcCode(func, sink);
            if (eco != null) DatasetRules.ecoCode(eco, sink);
            var nature = rec.get("nature") == null ? null : DatasetRules.nature(rec.get("nature"), sink);
            if (nature != null) DatasetRules.project(nature, rec.get("pro_code"), known, "“" + PROJECTS + "”工作表", sink);
            if (source != null) DatasetRules.fundSource(source, ref, sink);
            if (rec.get("amount") != null) DatasetRules.amountFen(rec.get("amount"), sink);
        }

        /** "2060499 其他技术研究与开发支出", "2060499" or 2060499: the code; a name that is not the code's is reported. */
        private String code(Rec rec, String field, Classification c) {
            String v = rec.get(field);
            if (v == null) return null;
            Matcher m = CODE_AND_NAME.matcher(v);
            if (!m.matches()) return v;
            String code = m.group(1).replace(" ", "");
            String name = m.group(2).trim();
            if (!name.isEmpty()) {
                c.name(code).filter(official -> !official.equals(name)).ifPresent(official ->
                        rec.problem(field, "编码 " + code + " 的名称应为“" + official + "”，实际写的是“" + name + "”（编码与名称不符，请从下拉列表重新选择）"));
            }
            return code;
        }

        /** "GPB 本级一般财力", "GPB" or "本级一般财力": the code or name to look up. */
        private String source(Rec rec, ReferenceData ref) {
            String v = rec.get("fund_source");
            if (v == null) return null;
            Matcher m = SOURCE_AND_NAME.matcher(v);
            if (!m.matches()) return v;
            String code = m.group(1);
            String name = m.group(2).trim();
            FundingSource f = ref.source(code).orElse(null);
            if (f != null && !f.name().equals(name)) {
                rec.problem("fund_source", "资金来源 " + code + " 的名称应为“" + f.name() + "”，实际写的是“" + name + "”（请从下拉列表重新选择）");
            }
            return code;
        }

        private Boolean yesNo(Rec rec) {
            String v = rec.get("classified");
            if (v == null) return false;
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "是", "true", "涉密" -> true;
                case "否", "false", "不涉密" -> false;
                default -> {
                    rec.problem("classified", "应为 是 或 否，实际为 \"" + v + "\"");
                    yield null;
                }
            };
        }

        // ------------------------------------------------------------ records of a data sheet

        /** One data row of a sheet: its cells by field name, its problems reported in place. */
        final class Rec {
            final String sheet;
            final int row;
            final Map<String, Integer> cols;
            final Map<String, String> values = new HashMap<>();
            final Set<String> badFields = new HashSet<>();
            final Map<String, Column> columns;

            Rec(String sheet, int row, Map<String, Integer> cols, Map<String, Column> columns) {
                this.sheet = sheet;
                this.row = row;
                this.cols = cols;
                this.columns = columns;
            }

            String get(String field) { return values.get(field); }

            boolean bad() { return !badFields.isEmpty(); }

            /** A problem about a field ("" = the row: reported at its project cell, or its first cell). */
            void problem(String field, String message) {
                String f = field.isEmpty() ? (cols.containsKey("pro_code") ? "pro_code" : columns.keySet().iterator().next()) : field;
                badFields.add(f);
                Integer c = cols.get(f);
                Column col = columns.get(f);
                Parse.this.problem(sheet, c == null ? 0 : c, row, col == null ? f : col.label(), message);
            }
        }

        /** The non-blank records of a data sheet, every cell read and the blank required ones reported. */
        List<Rec> records(String sheetName, List<Column> columns) {
            Sheet sheet = wb.getSheet(sheetName);
            Map<String, Column> byField = new LinkedHashMap<>();
            for (Column c : columns) byField.put(c.field(), c);
            int before = problems.size();
            merged(sheet, sheetName);
            Map<String, Integer> cols = header(sheet, sheetName, byField);
            if (cols == null || problems.size() > before) return List.of();
            List<Rec> out = new ArrayList<>();
            int maxRows = ReadLimits.current().rows();
            int count = 0;
            for (Row row : sheet) {
                int r = row.getRowNum();
                if (r < HEADER_ROWS) continue;
                ReadGuard.checkpoint();
                if (++count > maxRows) {
                    problem(sheetName, 0, r + 1, "", "工作表“" + sheetName + "”的行数过多（上限 " + maxRows + " 行数据），其后的行未读取 (too many rows)");
                    break;
                }
                if ((count & 1023) == 0) ReadGuard.at("工作表“" + sheetName + "”第 " + (r + 1) + " 行");
                Rec rec = new Rec(sheetName, r + 1, cols, byField);
                boolean any = false;
                for (Column c : columns) {
                    Integer ci = cols.get(c.field());
                    if (ci == null) continue;
                    Value v = read(sheetName, row, ci, c.label(), c.kind());
                    if (v.bad()) rec.badFields.add(c.field());
                    if (v.text() != null) rec.values.put(c.field(), c.kind() == Kind.KEY ? v.text().split("\\s+", 2)[0] : v.text());
                    if (!v.blank() && !c.field().equals("note")) any = true;
                }
                if (!any) continue;
                for (Column c : columns) {
                    if (c.required() && !rec.values.containsKey(c.field()) && !rec.badFields.contains(c.field())) {
                        rec.problem(c.field(), "不能为空（" + c.label() + "为必填项" + (c.hint().isEmpty() ? "" : "：" + c.hint()) + "）");
                    }
                }
                out.add(rec);
            }
            return out;
        }

        /** The column of each field, from the field-name row (row 2); null after reporting when it is unusable. */
        private Map<String, Integer> header(Sheet sheet, String name, Map<String, Column> byField) {
            Row row = sheet.getRow(HEADER_ROWS - 1);
            Map<String, Integer> cols = new HashMap<>();
            String expected = String.join("、", byField.keySet());
            if (row != null) {
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    Value v = read(name, row, c, "表头", Kind.TEXT);
                    if (v.text() == null) continue;
                    String field = v.text().split("\\R", 2)[0].trim();
                    if (!byField.containsKey(field)) {
                        problem(name, c, HEADER_ROWS, "表头", "未知的列“" + field + "”（第 2 行应为字段名：" + expected + "；请勿修改表头）");
                    } else if (cols.putIfAbsent(field, c) != null) {
                        problem(name, c, HEADER_ROWS, "表头", "列 " + field + " 出现了两次");
                    }
                }
            }
            if (cols.isEmpty()) {
                problem(name, 0, HEADER_ROWS, "表头", "第 2 行应为字段名行（" + expected + "），请使用系统下载的模板");
                return null;
            }
            for (Column c : byField.values()) {
                if (!cols.containsKey(c.field()) && !c.field().equals("note")) {
                    problem(name, row.getLastCellNum(), HEADER_ROWS, "表头", "缺少列 " + c.field() + "（" + c.label() + "）");
                }
            }
            return cols;
        }

        /** Merged cells below the header rows cannot be read cell by cell: each is reported. */
        private void merged(Sheet sheet, String name) {
            List<CellRangeAddress> regions;
            try {
                regions = sheet.getMergedRegions();
            } catch (RuntimeException e) {
                problem(name, 0, 1, "合并单元格", "工作表的合并单元格记录已损坏（区域无效），请取消所有合并单元格后重新保存 (damaged merged-cell ranges)");
                return;
            }
            for (CellRangeAddress m : regions) {
                if (m.getLastRow() < HEADER_ROWS) continue;
                problem(name, m.getFirstColumn(), m.getFirstRow() + 1, "合并单元格",
                        "合并单元格 " + m.formatAsString() + "：数据区域不能合并单元格，请取消合并并在每个单元格中填写 (merged cells are not allowed)");
            }
        }

        /** A cell's content as text for a column of the given kind; a damaged cell is reported at its place. */
        Value read(String sheet, Row row, int col, String column, Kind kind) {
            try {
                return readCell(sheet, row, col, column, kind);
            } catch (InputException | ReadGuard.Stop e) {
                throw e;
            } catch (RuntimeException e) {
                FailureLog.log(file, cell(sheet, col, row == null ? 0 : row.getRowNum() + 1), e);
                problem(sheet, col, row == null ? 0 : row.getRowNum() + 1, column, "无法读取这个单元格：内容已损坏或类型与值不符（如文本单元格存了数值、错误值），请重新输入 (a damaged cell)");
                return Value.BAD;
            }
        }

        private Value readCell(String sheet, Row row, int col, String column, Kind kind) {
            Cell c = row == null ? null : row.getCell(col);
            if (c == null) return Value.BLANK;
            int r = row.getRowNum() + 1;
            CellType type = c.getCellType();
            if (type == CellType.FORMULA) {
                if (c instanceof XSSFCell x && !x.getCTCell().isSetV()) {
                    problem(sheet, col, r, column, "公式 =" + c.getCellFormula() + " 没有计算结果：请在 Excel 或 WPS 中打开、重新计算并保存后再读取，或把公式改为数值");
                    return Value.BAD;
                }
                type = c.getCachedFormulaResultType();
            }
            switch (type) {
                case BLANK:
                    return Value.BLANK;
                case STRING: {
                    String s = c.getStringCellValue().replace('\u00a0', ' ').replace('\u3000', ' ').trim();
                    if (s.length() > ReadLimits.current().lineChars()) {
                        problem(sheet, col, r, column, "单元格的文字过长（" + s.length() + " 个字符，上限 " + ReadLimits.current().lineChars() + "） (text too long)");
                        return Value.BAD;
                    }
                    return s.isEmpty() ? Value.BLANK : new Value(s, false);
                }
                case BOOLEAN:
                    return new Value(c.getBooleanCellValue() ? "TRUE" : "FALSE", false);
                case ERROR: {
                    String e;
                    try {
                        e = FormulaError.forInt(c.getErrorCellValue()).getString();
                    } catch (IllegalArgumentException x) {
                        e = "#ERROR";
                    }
                    problem(sheet, col, r, column, "单元格的值是错误 " + e + (c.getCellType() == CellType.FORMULA ? "（公式 =" + c.getCellFormula() + "）" : "") + "，请改正");
                    return Value.BAD;
                }
                case NUMERIC: {
                    double d = c.getNumericCellValue();
                    if (!Double.isFinite(d)) {
                        problem(sheet, col, r, column, "单元格的数值无效（非数字或无穷大），请重新输入 (not a finite number)");
                        return Value.BAD;
                    }
                    if (kind != Kind.TEXT && kind != Kind.CHOICE && c.getCellType() != CellType.FORMULA && DateUtil.isCellDateFormatted(c)) {
                        problem(sheet, col, r, column, "单元格是日期格式（Excel 把输入当成了日期）：请把单元格设为"
                                + (kind == Kind.AMOUNT ? "数值" : "文本") + "格式后重新输入");
                        return Value.BAD;
                    }
                    if (kind == Kind.TEXT) {   // as shown: 100%
                        return new Value(formatter.formatRawCellContents(d, c.getCellStyle().getDataFormat(), c.getCellStyle().getDataFormatString()).trim(), false);
                    }
                    // Excel keeps 15 significant digits: 0.1+0.2 is 0.3 to the person who sees the cell
                    BigDecimal n = new BigDecimal(d).round(EXCEL_PRECISION);
                    String plain = n.stripTrailingZeros().toPlainString();
                    if (kind == Kind.NUMBER) {
                        // the decimals the cell shows (34.30 stays 34.30), when the value has no more
                        int decimals = decimals(c.getCellStyle().getDataFormatString());
                        if (decimals >= 0) {
                            try {
                                return new Value(n.setScale(decimals, java.math.RoundingMode.UNNECESSARY).toPlainString(), false);
                            } catch (ArithmeticException more) {
                                return new Value(plain, false);
                            }
                        }
                    }
                    if (kind == Kind.ID) {
                        problem(sheet, col, r, column, "应以文本填写（数字会丢掉前导零，如 001 变成 1）：实际是数字 " + plain
                                + "，请把单元格设为文本格式后重新输入代码 (a code must be text, not a number)");
                        return Value.BAD;
                    }
                    if (kind == Kind.CODE && n.stripTrailingZeros().scale() > 0) {
                        problem(sheet, col, r, column, "编码应为整数，实际为 " + plain);
                        return Value.BAD;
                    }
                    return new Value(plain, false);
                }
                default:
                    return Value.BLANK;
            }
        }
    }
}
