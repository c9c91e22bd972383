package org.openbudget.io.refdata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.openbudget.core.profile.ColumnSpec;
import org.openbudget.core.profile.CrossCheck;
import org.openbudget.core.profile.LineSpec;
import org.openbudget.core.profile.TableTemplate;
import org.openbudget.core.profile.TableShape;
import org.openbudget.core.profile.Detection;
import org.openbudget.core.measure.MeasureDictionary;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.profile.TextRules;
import org.openbudget.core.profile.TextOutline;
import org.openbudget.core.profile.TextTemplate;
import org.openbudget.core.disclosure.text.DocumentText.GlossaryEntry;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.yaml.YamlNode;

/** Reads a template profile (refdata/profiles/*.yaml). */
public final class ProfileReader {
    private ProfileReader() {}

    /** Finds the YAML of the profile another one {@code extends:} (by id). */
    @FunctionalInterface
    public interface Parents {
        Optional<ReferenceLibrary.ProfileText> find(String id);

        Parents NONE = id -> Optional.empty();
    }

    private static java.util.Set<String> keys(MeasureDictionary d) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (var m : d.all()) out.add(m.key());
        return out;
    }

    /** A profile that extends none, bound to the built-in dictionary of measures. */
    public static TemplateProfile read(String file, String text) {
        return read(file, text, Parents.NONE, ReferenceLibrary.builtInMeasures());
    }

    /**
     * A profile: its YAML laid over the profile it {@code extends:} (and that one's, to any depth),
     * its tables bound to the dictionary of measures (with the profile's own {@code measures:} added).
     */
    public static TemplateProfile read(String file, String text, Parents parents, MeasureDictionary measures) {
        YamlNode root = resolve(YamlNode.parse(file, text), parents, new java.util.LinkedHashSet<>());
        MeasureDictionary dict = root.get("measures").map(m -> measures.with(MeasureReader.measures(m, keys(measures)))).orElse(measures);
        Map<Integer, TableTemplate> tables = new TreeMap<>();
        List<InputProblem> problems = new ArrayList<>();
        int position = 0;
        for (Map.Entry<String, YamlNode> e : root.require("tables").entries().entrySet()) {
            String k = e.getKey();
            YamlNode v = e.getValue();
            position++;
            if (v.get("shape").isEmpty()) {
                int no;
                try {
                    no = Integer.parseInt(k);
                } catch (NumberFormatException x) {
                    problems.add(v.problem("表应有 shape（summary、classification、fixed 或 projects）或以数字为表号 (a table needs a shape)"));
                    continue;
                }
                tables.put(no, table(no, v));
            } else {
                try {
                    tables.put(position, shapedTable(position, k, v, dict, root.get("number_format")));
                } catch (InputException x) {
                    problems.addAll(x.problems());
                }
            }
        }
        if (root.get("order").isPresent() && problems.isEmpty()) tables = ordered(root.require("order"), tables, problems);   // once every table reads
        if (!problems.isEmpty()) throw new InputException(problems);
        YamlNode labels = root.require("labels");
        Optional<YamlNode> format = root.get("number_format");
        boolean thousands = format.map(n -> n.bool("thousands_separator", false)).orElse(false);
        String unit = format.flatMap(n -> n.optString("unit")).orElse("万元");
        if (!unit.equals("万元") && !unit.equals("元")) throw format.get().require("unit").error("应为 万元 或 元");
        int decimals = format.isPresent() && format.get().get("decimals").isPresent() ? format.get().integer("decimals") : 2;
        String basis = root.optString("basis").orElse("预算");
        if (!basis.equals("预算") && !basis.equals("决算")) throw root.require("basis").error("应为 预算 或 决算");
        boolean generated = true;
        Map<String, String> severities = new LinkedHashMap<>();
        List<CrossCheck> crossChecks = new ArrayList<>();
        if (root.get("checks").isPresent()) {
            YamlNode c = root.require("checks");
            // the former check set (sets: [xinjiang]) said two things, each now said by what it means
            if (c.get("sets").isPresent()) throw c.require("sets").error("审核公式集已不再使用：文本按全文审核写 text: {read: full}，"
                    + "表间审核只用本模板声明的（between:）写 checks: {generated: false} (check sets are gone: say text.read: full and checks.generated: false)");
            generated = c.bool("generated", true);
            if (c.get("severity").isPresent()) {
                c.require("severity").entries().forEach((id, v) -> {
                    String sv = v.text() == null ? "" : v.text().trim();
                    if (!List.of("error", "warning", "notice").contains(sv)) throw v.error("应为 error、warning 或 notice，实际为 \"" + sv + "\"");
                    // an earlier id (X12.running-term) sets the severity of the check it names now
                    severities.put(org.openbudget.core.check.CheckCatalogue.resolve(id), sv);
                });
            }
            if (c.get("between").isPresent()) crossChecks = crossChecks(c.require("between"), tables);
        }
        TemplateProfile.Meta meta = new TemplateProfile.Meta(root.optString("extends").orElse(""), basis, unit, decimals,
                labels.optString("unit").orElse(""), root.get("detect").map(ProfileReader::detection).orElse(Detection.NONE), dict,
                generated, severities, format.map(n -> n.bool("zeros", false)).orElse(false), crossChecks);
        TextTemplate textTemplate = root.get("text").map(t -> text(t, dict)).orElse(TextTemplate.NONE);
        return new TemplateProfile(root.string("id"), root.string("name"), root.integer("year"),
                root.bool("total_first", true), thousands,
                labels.string("total"), labels.string("income_total"), labels.string("expense_total"), tables, textTemplate,
                textRules(root), meta);
    }

    /**
     * {@code checks: between:} — the checks between this template's tables: each an id, a rule's wording,
     * a severity and one or more parts {@code {kind, a, b[, c]}}, where a, b and c name a table by its id
     * and, as the kind needs, its row ({@code total} or a fixed row's key) and columns (1-based
     * {@code column}/{@code columns}, or the funding {@code sources} they hold). Every problem is reported
     * with its file and line.
     */
    private static List<CrossCheck> crossChecks(YamlNode list, Map<Integer, TableTemplate> tables) {
        List<InputProblem> problems = new ArrayList<>();
        List<CrossCheck> out = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (YamlNode n : list.items()) {
            try {
                String id = n.string("id");
                if (!ids.add(id)) throw n.require("id").error("审核公式 id 重复：" + id);
                String severity = n.optString("severity").orElse("error");
                if (!List.of("error", "warning", "notice").contains(severity)) {
                    throw n.require("severity").error("应为 error、warning 或 notice，实际为 \"" + severity + "\"");
                }
                List<YamlNode> partNodes = n.get("parts").isPresent() ? n.require("parts").items() : List.of(n);
                List<CrossCheck.Part> parts = new ArrayList<>();
                for (YamlNode p : partNodes) parts.add(crossPart(p, tables));
                out.add(new CrossCheck(id, severity, n.optString("rule").orElse(""), parts));
            } catch (InputException x) {
                problems.addAll(x.problems());
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return out;
    }

    private static CrossCheck.Part crossPart(YamlNode p, Map<Integer, TableTemplate> tables) {
        String k = p.string("kind");
        CrossCheck.Kind kind = CrossCheck.Kind.of(k);
        if (kind == null) throw p.require("kind").error("未知的核对方式 " + k + "（应为 " + String.join("、", CrossCheck.Kind.keys()) + "）");
        List<CrossCheck.Ref> of = new ArrayList<>();
        if (p.get("of").isPresent()) for (YamlNode r : p.require("of").items()) of.add(crossRef(r, tables));
        if (kind == CrossCheck.Kind.SUM) {
            if (of.isEmpty()) throw p.error("sum 应列出 of: 其和等于 a 的各格 (a sum lists the cells in of:)");
            CrossCheck.Ref a = crossRef(p.require("a"), tables);
            return new CrossCheck.Part(kind, a, null, null, false, false, of);
        }
        CrossCheck.Ref a = crossRef(p.require("a"), tables);
        CrossCheck.Ref b = crossRef(p.require("b"), tables);
        CrossCheck.Ref c = p.get("c").isPresent() ? crossRef(p.require("c"), tables) : null;
        return new CrossCheck.Part(kind, a, b, c, p.bool("exact", false), p.bool("income_total", false), of);
    }

    private static CrossCheck.Ref crossRef(YamlNode r, Map<Integer, TableTemplate> tables) {
        String id = r.string("table");
        TableTemplate t = tables.values().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> r.require("table").error("模板中没有这张表：" + id + "（应为 tables: 下的表 id）"));
        List<Integer> columns = new ArrayList<>();
        if (r.get("column").isPresent()) columns.add(r.integer("column"));
        for (String x : r.strings("columns")) {
            try {
                columns.add(Integer.parseInt(x.trim()));
            } catch (NumberFormatException e) {
                throw r.require("columns").error("应为列号（从 1 起），实际为 \"" + x + "\"");
            }
        }
        for (int col : columns) {
            if (col < 1 || col > t.columns().size()) {
                throw r.error("表 " + id + " 只有 " + t.columns().size() + " 列，没有第 " + col + " 列");
            }
        }
        String row = r.optString("row").orElse("");
        if (!row.isEmpty() && !List.of("total", "income.total", "expense.total").contains(row)) {
            boolean known = t.incomeRows().stream().anyMatch(x -> x.key().equals(row)) || t.rows().stream().anyMatch(x -> x.key().equals(row))
                    || t.shape() != null && t.shape().closingKey(row) != null;
            if (!known) throw r.require("row").error("表 " + id + " 没有键为 " + row + " 的行（应为 total、income.total、expense.total、收入行或固定行的 key，或 expense_closing 中的行名）");
        }
        return new CrossCheck.Ref(id, row, columns, r.strings("sources"));
    }

    /**
     * {@code order: [id, …]}: the tables in this order, numbered 1, 2, … — a profile that extends another
     * puts the inherited tables where its template prints them, and leaves out those it does not list.
     */
    private static Map<Integer, TableTemplate> ordered(YamlNode order, Map<Integer, TableTemplate> tables, List<InputProblem> problems) {
        Map<String, TableTemplate> byId = new LinkedHashMap<>();
        for (TableTemplate t : tables.values()) byId.put(t.id(), t);
        Map<Integer, TableTemplate> out = new TreeMap<>();
        int no = 0;
        for (String id : order.items().stream().map(YamlNode::text).toList()) {
            TableTemplate t = byId.get(id);
            if (t == null) {
                problems.add(order.problem("order 中的表不存在：" + id + "（可用：" + String.join("、", byId.keySet()) + "）(order names a table the profile lacks)"));
                continue;
            }
            no++;
            out.put(no, new TableTemplate(no, t.title(), t.columns(), t.incomeRows(), t.rows(), t.emptyNote(), t.equations(),
                    t.unitRows(), t.aliases(), t.incomeTotalOf(), t.id(), t.mark(), t.shape()));
        }
        return out;
    }

    /**
     * What recognising a document needs of a profile — its id, year, basis and {@code detect:} (its own, else
     * its parents') — read from those top-level keys alone: recognition weighs every profile's signature, and
     * parsing every profile whole (each child again with its parent) was most of a cold audit's template work.
     * The profile read whole ({@link #read}) gives the same values.
     */
    public record Head(String id, int year, String basis, Detection detect) {}

    private static final java.util.Set<String> HEAD_KEYS = java.util.Set.of("id", "year", "basis", "extends", "detect");

    public static Head head(String file, String text, Parents parents) {
        Parents headsOnly = id -> parents.find(id).map(p -> new ReferenceLibrary.ProfileText(p.file(), headText(p.yaml())));
        YamlNode root = resolve(YamlNode.parse(file, headText(text)), headsOnly, new java.util.LinkedHashSet<>());
        String basis = root.optString("basis").orElse("预算");
        if (!basis.equals("预算") && !basis.equals("决算")) throw root.require("basis").error("应为 预算 或 决算");
        return new Head(root.string("id"), root.integer("year"), basis,
                root.get("detect").map(ProfileReader::detection).orElse(Detection.NONE));
    }

    /**
     * The profile's text with only its head keys (a top-level key starts a line at column 0; its value is every
     * line after it up to the next top-level key). Lines keep their numbers (the others become empty), so an
     * error still names the profile's own line.
     */
    static String headText(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(1024);
        boolean keep = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isEmpty() && " \t#-".indexOf(line.charAt(0)) < 0) {
                int colon = line.indexOf(':');
                keep = colon > 0 && HEAD_KEYS.contains(line.substring(0, colon).trim());
            }
            if (i > 0) out.append('\n');
            if (keep) out.append(line);
        }
        return out.toString();
    }

    /** The profile's tree laid over its parents' (extends: id), refusing a loop. */
    private static YamlNode resolve(YamlNode root, Parents parents, java.util.Set<String> seen) {
        Optional<String> parent = root.optString("extends");
        if (parent.isEmpty()) return root;
        String id = parent.get();
        if (!seen.add(id)) throw root.require("extends").error("模板继承成环：" + String.join(" → ", seen) + " → " + id + " (profiles extend each other in a loop)");
        ReferenceLibrary.ProfileText p = parents.find(id).orElseThrow(() -> root.require("extends").error("找不到所继承的模板 " + id + " (extends a profile that does not exist)"));
        YamlNode base = resolve(YamlNode.parse(p.file(), p.yaml()), parents, seen);
        return YamlNode.extend(base, root);
    }

    private static Detection detection(YamlNode d) {
        return new Detection(d.strings("titles"), d.strings("labels"), d.strings("marks"), d.strings("phrases"),
                d.optString("amount_unit").orElse(""), d.bool("proven", false));
    }

    private static TableTemplate shapedTable(int no, String id, YamlNode t, MeasureDictionary dict, Optional<YamlNode> docFormat) {
        List<InputProblem> problems = new ArrayList<>();
        org.openbudget.core.money.AmountFormat format = null;
        if (t.get("number_format").isPresent()) {
            // a table of another unit than the document's (上海 "三公" table in 万元): what it does not say, the document's
            YamlNode f = t.require("number_format");
            String unit = f.optString("unit").or(() -> docFormat.flatMap(n -> n.optString("unit"))).orElse("万元");
            int decimals = f.get("decimals").isPresent() ? f.integer("decimals")
                    : docFormat.isPresent() && docFormat.get().get("decimals").isPresent() ? docFormat.get().integer("decimals") : 2;
            boolean thousands = f.get("thousands_separator").isPresent() ? f.bool("thousands_separator", false)
                    : docFormat.map(n -> n.bool("thousands_separator", false)).orElse(false);
            boolean zeros = f.get("zeros").isPresent() ? f.bool("zeros", false) : docFormat.map(n -> n.bool("zeros", false)).orElse(false);
            if (!unit.equals("万元") && !unit.equals("元")) problems.add(f.require("unit").problem("应为 万元 或 元"));
            else if (decimals < 0 || decimals > 6) problems.add(f.require("decimals").problem("小数位数应为 0 至 6"));
            else format = new org.openbudget.core.money.AmountFormat(unit, decimals, thousands, zeros);
        }
        String codes = t.optString("codes").orElse(TableShape.Print.FULL);
        if (!TableShape.Print.CODES.contains(codes)) {
            problems.add(t.require("codes").problem("应为 full（类 款 项 各列，上级编码重复印出）、split（各列，每行只印本级编码）、joined（一列 科目编码）或 bracketed（[编码]名称）"));
        }
        TableShape.Kind kind;
        try {
            kind = TableShape.kind(t.string("shape"));
        } catch (IllegalArgumentException e) {
            throw t.require("shape").error("应为 summary、classification、fixed 或 projects，实际为 \"" + t.string("shape") + "\"");
        }
        String where = t.optString("where").orElse("");
        if (!where.isEmpty()) for (String p : dict.problems(where)) problems.add(t.require("where").problem(p));
        String classification = t.optString("classification").orElse("functional");
        if (!classification.equals("functional") && !classification.equals("economic")) {
            problems.add(t.require("classification").problem("应为 functional（功能分类）或 economic（经济分类）"));
        }
        List<Integer> levels = new ArrayList<>();
        for (String l : t.strings("levels")) {
            switch (l == null ? "" : l.trim()) {
                case "类", "3" -> levels.add(3);
                case "款", "5" -> levels.add(5);
                case "项", "7" -> levels.add(7);
                default -> problems.add(t.require("levels").problem("层级应为 类、款 或 项，实际为 \"" + l + "\""));
            }
        }
        if (levels.isEmpty()) {
            // a summary's expense side lists 类 unless the template prints 款 and 项 too (深圳 表1: levels: [类, 款, 项])
            levels = kind == TableShape.Kind.SUMMARY ? List.of(3) : classification.equals("economic") ? List.of(3, 5) : List.of(3, 5, 7);
        }
        TableShape shape = new TableShape(kind, where, classification, levels, t.bool("all_classes", false),
                t.bool("project_rows", false), t.bool("basic_row", false), t.bool("income_first_column", false),
                new TableShape.Print(t.optString("heading").orElse(""), t.optString("stub_heading").orElse(""),
                        t.strings("side_headings"), t.bool("class_codes", true), t.bool("class_numbers", false),
                        codes, t.optString("code_heading").orElse(""), t.optString("name_heading").orElse(""), format),
                t.strings("income_closing"), t.strings("expense_closing"), t.strings("expense_total_of"), t.bool("panels", false));
        for (String label : shape.expenseTotalOf()) {
            if (!shape.expenseClosing().contains(label)) {
                problems.add(t.require("expense_total_of").problem("不是本表 expense_closing 中的行：" + label + " (expense_total_of names expense_closing labels)"));
            }
        }
        if (!shape.print().sideHeadings().isEmpty() && shape.print().sideHeadings().size() != 2) {
            problems.add(t.require("side_headings").problem("应为两项：收入一侧和支出一侧的标题 (two headings: income side, expense side)"));
        }
        List<ColumnSpec> columns = new ArrayList<>();
        List<YamlNode> columnNodes = t.require("columns").items();
        for (YamlNode c : columnNodes) {
            unknownKeys(c, COLUMN_KEYS, problems);
            String measure = c.optString("measure").orElse("");
            String calc = c.get("change").isPresent() ? ColumnSpec.CHANGE : c.get("rate").isPresent() ? ColumnSpec.RATE : "";
            String period = c.optString("period").orElse("");
            if (!List.of("", "current", ColumnSpec.LAST_YEAR).contains(period)) {
                problems.add(c.require("period").problem("应为 current（本年）或 last_year（上年），实际为 \"" + period + "\""));
            }
            if (!calc.isEmpty()) {
                if (c.get("change").isPresent() && c.get("rate").isPresent()) {
                    problems.add(c.problem("一列只能是 change（增减额）或 rate（增减率）之一 (a column is a change or a rate, not both)"));
                }
                if (!measure.isEmpty() || !period.isEmpty()) {
                    problems.add(c.problem("计算列（change / rate）由另两列算出，不另写 measure 或 period (a computed column has no measure or period)"));
                }
                if (c.strings(calc).size() != 2) {
                    problems.add(c.require(calc).problem("应列出两列的 label：[本年的列, 上年的列]，如 [本年预算数, 上年预算数] (two column labels)"));
                }
            } else if (!measure.isEmpty()) {
                for (String p : dict.problems(measure)) problems.add(c.require("measure").problem(p));
            } else if (c.strings("sources").isEmpty() && c.strings("eco").isEmpty()) {
                problems.add(c.problem("列应指明度量 measure（或 sources / eco）(a column of a shaped table names its measure)"));
            }
            columns.add(new ColumnSpec(c.string("label"), c.strings("sources"), c.strings("eco"), measure, c.optString("group").orElse(""),
                    c.optString("header").orElse(""), period, calc, calc.isEmpty() ? List.of() : c.strings(calc)));
        }
        if (columns.isEmpty()) problems.add(t.require("columns").problem("表至少应有一列 (a table needs at least one column)"));
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec c = columns.get(i);
            for (String ref : c.of()) {
                int j = -1;
                for (int k = 0; k < columns.size(); k++) if (columns.get(k).label().equals(ref)) j = j < 0 ? k : -2;
                if (j == -1 || j == i) {
                    problems.add(columnNodes.get(i).require(c.calc()).problem("本表没有（另一）列名为 " + ref + "（可用："
                            + String.join("、", columns.stream().map(ColumnSpec::label).toList()) + "）(names no other column of the table)"));
                } else if (j == -2) {
                    problems.add(columnNodes.get(i).require(c.calc()).problem("本表有多列名为 " + ref + "，请改用不同的 label (two columns have this label)"));
                } else if (columns.get(j).rate()) {
                    problems.add(columnNodes.get(i).require(c.calc()).problem(ref + " 是增减率列，不能再相减或相除 (a rate cannot be compared again)"));
                }
            }
        }
        List<LineSpec> incomeRows = lines(t, "income_rows", dict, problems);
        List<LineSpec> rows = lines(t, "rows", dict, problems);
        if (kind == TableShape.Kind.SUMMARY && incomeRows.isEmpty()) problems.add(t.problem("收支总表应有 income_rows (a summary table needs its income rows)"));
        for (String k : shape.incomeClosing()) {
            if (incomeRows.stream().noneMatch(l -> l.key().equals(k))) {
                problems.add(t.require("income_closing").problem("不是本表的收入行：" + k + " (income_closing names income_rows keys)"));
            }
        }
        if (kind == TableShape.Kind.FIXED && rows.isEmpty()) problems.add(t.problem("固定行表应有 rows (a fixed table needs its rows)"));
        String unitRows = t.optString("unit_rows").orElse("never");
        if (!List.of("never", "department", "always", "only").contains(unitRows)) problems.add(t.require("unit_rows").problem("应为 never、department、always 或 only"));
        if (!problems.isEmpty()) throw new InputException(problems);
        return new TableTemplate(no, t.string("title"), columns, incomeRows, rows,
                t.optString("empty_note").orElse(null), t.strings("equations"), unitRows, t.strings("aliases"),
                t.strings("income_total_of"), id, t.get("mark").map(YamlNode::text).map(m -> m == null ? "" : m.trim()).orElse("表" + no), shape);
    }

    /** The keys a column of a shaped table may have: a misspelt one (peroid:) is named, not ignored. */
    private static final java.util.Set<String> COLUMN_KEYS = java.util.Set.of("label", "measure", "sources", "eco", "group", "header",
            "period", "change", "rate");
    /** The keys a fixed or income row may have. */
    private static final java.util.Set<String> ROW_KEYS = java.util.Set.of("key", "label", "measure", "sources", "eco", "sum_of",
            "aliases", "period", "change");

    private static void unknownKeys(YamlNode n, java.util.Set<String> allowed, List<InputProblem> problems) {
        if (!n.isMap()) return;
        n.entries().forEach((k, v) -> {
            if (!allowed.contains(k)) problems.add(v.problem("未知字段 " + k + "（可用：" + String.join("、", new java.util.TreeSet<>(allowed)) + "）(unknown key)"));
        });
    }

    private static List<LineSpec> lines(YamlNode t, String key, MeasureDictionary dict, List<InputProblem> problems) {
        List<LineSpec> out = new ArrayList<>();
        if (t.get(key).isEmpty()) return out;
        java.util.Set<String> keys = new java.util.HashSet<>();
        List<YamlNode> items = t.require(key).items();
        for (YamlNode r : items) keys.add(r.string("key"));
        for (YamlNode r : items) {
            unknownKeys(r, ROW_KEYS, problems);
            String measure = r.optString("measure").orElse("");
            if (!measure.isEmpty()) for (String p : dict.problems(measure)) problems.add(r.require("measure").problem(p));
            for (String part : r.strings("sum_of")) {
                if (!keys.contains(part)) problems.add(r.require("sum_of").problem("sum_of 指向本表不存在的行 " + part + " (names a row the table does not have)"));
            }
            String period = r.optString("period").orElse("");
            if (!List.of("", "current", ColumnSpec.LAST_YEAR).contains(period)) {
                problems.add(r.require("period").problem("应为 current（本年）或 last_year（上年），实际为 \"" + period + "\""));
            }
            List<String> change = r.strings("change");
            if (r.get("change").isPresent() && (change.size() != 2 || !measure.isEmpty() || !r.strings("sum_of").isEmpty() || !period.isEmpty())) {
                problems.add(r.require("change").problem("增减行应列出两行的 key：[本年的行, 上年的行]，不另写 measure、sum_of 或 period (two row keys, nothing else)"));
            }
            if (key.equals("income_rows") && (!period.isEmpty() || !change.isEmpty())) {
                problems.add(r.problem("收支总表的收入行不分上年、本年 (period / change are for the rows of a fixed table)"));
            }
            out.add(new LineSpec(r.string("key"), r.string("label"), r.strings("sources"), r.strings("eco"),
                    r.strings("sum_of"), r.strings("aliases"), measure, period, change));
        }
        for (int i = 0; i < out.size(); i++) {
            for (String k : out.get(i).change()) {
                LineSpec target = out.stream().filter(l -> l.key().equals(k)).findFirst().orElse(null);
                if (target == null || target == out.get(i)) {
                    problems.add(items.get(i).require("change").problem("本表没有（另一）行的 key 为 " + k + " (names no other row of the table)"));
                } else if (target.computed()) {
                    problems.add(items.get(i).require("change").problem(k + " 本身是增减行 (a change of a change)"));
                }
            }
            LineSpec whole = out.get(i);
            for (String part : whole.sumOf()) {
                LineSpec p = out.stream().filter(l -> l.key().equals(part)).findFirst().orElse(null);
                if (p != null && (p.computed() || p.lastYear() != whole.lastYear())) {
                    problems.add(items.get(i).require("sum_of").problem("sum_of 的各行应与本行同为本年或同为上年，且不是增减行：" + part
                            + " (the parts of a sum are of its year)"));
                }
            }
        }
        return out;
    }

    private static TextRules textRules(YamlNode root) {
        if (root.get("text_rules").isEmpty()) return TextRules.DEFAULT;
        YamlNode t = root.require("text_rules");
        int weights = t.get("performance_weight_total").isPresent() ? t.integer("performance_weight_total") : 0;
        String admin = TextRules.DEFAULT.runningTermAdmin(), inst = TextRules.DEFAULT.runningTermInstitution();
        if (t.get("running_terms").isPresent()) {
            YamlNode r = t.require("running_terms");
            admin = r.optString("admin").orElse(admin);
            inst = r.optString("institution").orElse(inst);
        }
        if (t.get("subjects").isPresent()) {
            // the words a text prints for a measure are its synonyms in the one dictionary now
            throw t.require("subjects").error("text_rules.subjects 已取消：文字中的说法请作为度量的同义词写入 refdata/measures.yaml"
                    + "（或本模板的 measures:）的 synonyms (text_rules.subjects is gone: add the words as the measures' synonyms)");
        }
        List<TextRules.AgencyType> types = TextRules.AGENCY_TYPES;
        if (t.get("agency_types").isPresent()) {
            types = new ArrayList<>();
            for (YamlNode a : t.require("agency_types").items()) {
                types.add(new TextRules.AgencyType(a.string("type"), a.strings("items"), a.strings("name_endings")));
            }
        }
        return new TextRules(weights, admin, inst, t.optString("project_items").orElse(""), types);
    }

    /** The keys of {@code performance_labels} that hold one label each (all required). */
    private static final List<String> PERFORMANCE_LABELS = List.of("unit", "overall_unit", "contact", "project", "manager",
            "project_funds", "overall_funds", "total", "fiscal", "other", "project_goal", "overall_goal", "project_title",
            "upper", "local", "other_source", "rule_mark");

    /**
     * {@code performance_labels}: the 绩效目标表's labels, every one declared — by the profile or one it extends
     * (national-2016 has them all). A profile that has neither is told so at its text, as for any missing key: its labels
     * are what it prints and reads, so none is taken silently from another profile it does not name.
     */
    private static org.openbudget.core.profile.PerformanceLabels performanceLabels(YamlNode t, List<InputProblem> problems) {
        if (t.get("performance_labels").isEmpty()) {
            problems.add(t.problem("模板缺少 text.performance_labels（绩效目标表的表头与标签）：请写出，或 extends: national-2016 继承"
                    + " (the profile declares no labels of the 绩效目标表 and extends no profile that does)"));
            return null;
        }
        YamlNode l = t.require("performance_labels");
        Map<String, String> one = new LinkedHashMap<>();
        for (String k : PERFORMANCE_LABELS) {
            Optional<String> v = l.optString(k);
            if (v.isEmpty()) problems.add(l.problem("缺少标签 " + k + " (performance_labels." + k + " is required)"));
            one.put(k, v.orElse(""));
        }
        List<String> indicators = labels(l, "indicators", 9, "九列指标表头（一级指标 … 佐证资料）", problems);
        List<String> sources = labels(l, "sources", org.openbudget.core.profile.PerformanceLabels.SOURCES,
                "五个标签（资金来源、资金总额、财政资金、其他资金、其他）", problems);
        List<String> titles = labels(l, "overall_titles", -1, "整体绩效目标表的标题（第一个印出，每个都读）", problems);
        if (!l.get("rule_starts").isPresent()) problems.add(l.problem("缺少 rule_starts（可为 []） (performance_labels.rule_starts is required)"));
        if (indicators == null || sources == null || titles == null || one.containsValue("")) return null;
        return new org.openbudget.core.profile.PerformanceLabels(one.get("unit"), one.get("overall_unit"), one.get("contact"),
                one.get("project"), one.get("manager"), one.get("project_funds"), one.get("overall_funds"), one.get("total"),
                one.get("fiscal"), one.get("other"), one.get("project_goal"), one.get("overall_goal"), indicators,
                one.get("project_title"), titles, one.get("upper"), one.get("local"), one.get("other_source"), one.get("rule_mark"),
                l.strings("rule_starts"), sources);
    }

    /** A list of labels under {@code key}: {@code size} of them (any number, at least one, when negative); null after a problem. */
    private static List<String> labels(YamlNode l, String key, int size, String what, List<InputProblem> problems) {
        if (l.get(key).isEmpty()) {
            problems.add(l.problem("缺少 " + key + "：应为" + what + " (performance_labels." + key + " is required)"));
            return null;
        }
        List<String> out = l.strings(key);
        if (size >= 0 ? out.size() != size : out.isEmpty()) {
            problems.add(l.require(key).problem("应为" + what + (size >= 0 ? "，共 " + size + " 个" : "") + "，实际为 " + out.size()
                    + " 个 (" + (size >= 0 ? size + " labels are expected" : "at least one label is expected") + ")"));
            return null;
        }
        return out;
    }

    /** The unit the text states its amounts in ({@code text.amount_unit}): 万元 (the default) or 元, as a table's. */
    private static String textUnit(YamlNode t, List<InputProblem> problems) {
        String unit = t.optString("amount_unit").orElse("万元").strip();
        if (unit.equals("万元") || unit.equals("元")) return unit;
        problems.add(t.require("amount_unit").problem("应为 万元 或 元 (the text's amounts are stated in 万元 or 元)"));
        return "万元";
    }

    /** The {@code text} block: the outline, sentence patterns, formats, glossary (see TextTemplate). */
    static TextTemplate text(YamlNode t, MeasureDictionary dict) {
        List<InputProblem> problems = new ArrayList<>();
        Map<String, String> titles = new LinkedHashMap<>();
        if (t.get("titles").isPresent()) t.require("titles").entries().forEach((k, v) -> titles.put(k, v.text()));
        Map<String, String> sentences = new LinkedHashMap<>();
        t.require("sentences").entries().forEach((k, v) -> sentences.put(k, v.text() == null ? "" : v.text()));
        TextOutline outline = t.get("outline").map(o -> OutlineReader.outline(o, dict, problems)).orElse(TextOutline.NONE);
        String unprinted = t.optString("unprinted").orElse("zero");
        if (!unprinted.equals("zero") && !unprinted.equals("omit")) problems.add(t.require("unprinted").problem("应为 zero 或 omit，实际为 \"" + unprinted + "\""));
        String read = t.optString("read").orElse("amounts");
        if (!read.equals("amounts") && !read.equals("full")) problems.add(t.require("read").problem("应为 full（逐块全部读回）或 amounts（只读金额），实际为 \"" + read + "\""));
        org.openbudget.core.profile.TextStatements statements = t.get("statements").map(s -> StatementsReader.read(s, dict, problems))
                .orElse(org.openbudget.core.profile.TextStatements.NONE);
        outline = new TextOutline(outline.sections(), unprinted.equals("omit"), read.equals("full"), statements);
        List<GlossaryEntry> glossary = new ArrayList<>();
        if (t.get("glossary").isPresent()) {
            for (YamlNode g : t.require("glossary").items()) glossary.add(new GlossaryEntry(g.string("term"), g.string("definition")));
        }
        List<String> zero = t.get("zero_change").isPresent() ? t.strings("zero_change") : List.of("增加", "增长");
        if (zero.size() != 2) problems.add(t.require("zero_change").problem("应为两个词，如 [增加, 增长] (two words are expected)"));
        List<String> changeWords = t.get("change_words").isPresent() ? t.strings("change_words") : TextTemplate.CHANGE_WORDS;
        if (changeWords.size() != 2) problems.add(t.require("change_words").problem("应为两个词（增、减），如 [增加, 减少] (two words are expected)"));
        List<String> rateWords = t.get("rate_words").isPresent() ? t.strings("rate_words") : TextTemplate.RATE_WORDS;
        if (rateWords.size() != 2) problems.add(t.require("rate_words").problem("应为两个词（增、减），如 [增长, 下降] (two words are expected)"));
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        if (t.get("overrides").isPresent()) {
            t.require("overrides").entries().forEach((kind, m) -> {
                if (!kind.equals("单位") && !kind.equals("部门")) { problems.add(m.problem("应为 单位 或 部门，实际为 \"" + kind + "\"")); return; }
                Map<String, String> o = new LinkedHashMap<>();
                m.entries().forEach((k, v) -> {
                    if (!sentences.containsKey(k)) problems.add(v.problem("覆盖了不存在的句式 " + k + " (overrides a sentence the profile does not define)"));
                    o.put(k, v.text() == null ? "" : v.text());
                });
                overrides.put(kind, o);
            });
        }
        TextTemplate out = new TextTemplate(titles, sentences, outline,
                raw(t, "percent", "{value}%"), raw(t, "list_number", "{n}、"),
                raw(t, "sub_heading", "（{cn}）"), raw(t, "item_number", "{n}."),
                zero, t.optString("date_format").orElse("{y}年{m}月{d}日"), glossary, overrides, changeWords, rateWords,
                performanceLabels(t, problems), raw(t, "section_number", "{cn}、"), raw(t, "glossary_number", "{cn}、"),
                textUnit(t, problems), parts(t, problems));
        for (String missing : out.missing()) {
            problems.add(t.problem("模板缺少文字句式 " + missing + " (the profile's text lacks this sentence pattern)"));
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return out;
    }

    /** {@code parts}: the headings of the document's parts, each optional (a 预算's where not given); each starts with words. */
    private static TextTemplate.Parts parts(YamlNode t, List<InputProblem> problems) {
        TextTemplate.Parts d = TextTemplate.Parts.BUDGET;
        if (t.get("parts").isEmpty()) return d;
        YamlNode p = t.require("parts");
        TextTemplate.Parts out = new TextTemplate.Parts(p.optString("overview").orElse(d.overview()), p.optString("tables").orElse(d.tables()),
                p.optString("explanation").orElse(d.explanation()), p.optString("glossary").orElse(d.glossary()));
        for (String k : List.of("overview", "tables", "explanation", "glossary")) {
            String h = switch (k) {
                case "overview" -> out.overview();
                case "tables" -> out.tables();
                case "explanation" -> out.explanation();
                default -> out.glossary();
            };
            if (TextTemplate.Parts.mark(h).isEmpty()) {
                problems.add(p.require(k).problem("部分标题应以文字开头（如“第三部分”），读取时据此找到该部分 (a part's heading starts with words)"));
            }
        }
        return out;
    }

    /** A format string as written (not trimmed: "{n}. " keeps its space). */
    private static String raw(YamlNode t, String key, String dflt) {
        return t.get(key).map(YamlNode::text).filter(v -> !v.isEmpty()).orElse(dflt);
    }

    private static TableTemplate table(int no, YamlNode t) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (YamlNode c : t.require("columns").items()) {
            columns.add(new ColumnSpec(c.string("label"), c.strings("sources"), c.strings("eco")));
        }
        return new TableTemplate(no, t.string("title"), columns, lines(t, "income_rows"), lines(t, "rows"),
                t.optString("empty_note").orElse(null), t.strings("equations"),
                t.optString("unit_rows").orElse("never"), t.strings("aliases"), t.strings("income_total_of"));
    }

    private static List<LineSpec> lines(YamlNode t, String key) {
        List<LineSpec> out = new ArrayList<>();
        if (t.get(key).isEmpty()) return out;
        for (YamlNode r : t.require(key).items()) {
            out.add(new LineSpec(r.string("key"), r.string("label"), r.strings("sources"), r.strings("eco"),
                    r.strings("sum_of"), r.strings("aliases")));
        }
        return out;
    }
}
