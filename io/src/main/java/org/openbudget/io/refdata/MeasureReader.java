package org.openbudget.io.refdata;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.openbudget.core.measure.Measure;
import org.openbudget.core.measure.Where;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.yaml.YamlNode;

/** Reads the dictionary of measures (refdata/measures.yaml, or a profile's own {@code measures:}). */
public final class MeasureReader {
    private MeasureReader() {}

    public static List<Measure> read(String file, String text) {
        return measures(YamlNode.parse(file, text).require("measures"));
    }

    /** The dictionary of a file: its measures and what narrative sentences state ({@code statements:}). */
    public static org.openbudget.core.measure.MeasureDictionary dictionary(String file, String text) {
        YamlNode root = YamlNode.parse(file, text);
        List<org.openbudget.core.measure.Statement> statements = root.get("statements").map(MeasureReader::statements).orElse(List.of());
        return new org.openbudget.core.measure.MeasureDictionary(measures(root.require("measures")), statements);
    }

    /**
     * {@code statements:} block kind → a list of {pattern, var, key, subject, kind, field?, label?, of?, at_least?}: what each
     * placeholder of a narrative block's sentence pattern states (kind amount | count | quantity; no var: the pattern's
     * words state 0), the dataset field that holds it and how a form asks for it; a count's money ({@code of}, a measure)
     * and the counts it is never below ({@code at_least}, their keys).
     */
    static List<org.openbudget.core.measure.Statement> statements(YamlNode map) {
        List<org.openbudget.core.measure.Statement> out = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        map.entries().forEach((block, list) -> {
            if (!org.openbudget.core.profile.TextOutline.NARRATIVE.containsKey(block) && !block.equals(org.openbudget.core.measure.Statement.OVERVIEW)) {
                problems.add(list.problem("未知的段落类型 " + block + " (expected " + org.openbudget.core.measure.Statement.OVERVIEW + " or a narrative block kind: "
                        + String.join(", ", new java.util.TreeSet<>(org.openbudget.core.profile.TextOutline.NARRATIVE.keySet())) + ")"));
                return;
            }
            for (YamlNode s : list.items()) {
                try {
                    String kind = s.string("kind");
                    org.openbudget.core.disclosure.text.FactKind k = switch (kind) {
                        case "amount" -> org.openbudget.core.disclosure.text.FactKind.AMOUNT;
                        case "count" -> org.openbudget.core.disclosure.text.FactKind.COUNT;
                        case "quantity" -> org.openbudget.core.disclosure.text.FactKind.QUANTITY;
                        default -> throw s.require("kind").error("应为 amount、count 或 quantity，实际为 \"" + kind + "\"");
                    };
                    String key = s.string("key");
                    if (!key.matches("[a-z][a-z0-9_.]*")) throw s.require("key").error("事实键应为小写字母、数字、点 (a fact key is lower-case letters, digits and dots)");
                    out.add(new org.openbudget.core.measure.Statement(block, s.string("pattern"), s.optString("var").orElse(""), key,
                            s.optString("subject").orElse(""), k, s.optString("field").orElse(""), s.optString("label").orElse(""),
                            s.optString("of").orElse(""), s.get("at_least").isPresent() ? s.strings("at_least") : List.of()));
                } catch (InputException e) {
                    problems.addAll(e.problems());
                }
            }
            // a count is held to counts of its own block
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (org.openbudget.core.measure.Statement st : out) if (st.block().equals(block)) keys.add(st.key());
            for (org.openbudget.core.measure.Statement st : out) {
                if (!st.block().equals(block)) continue;
                for (String k : st.atLeast()) {
                    if (!keys.contains(k)) problems.add(list.problem(st.key() + " 的 at_least 应为本段落类型的事实键，实际为 " + k + " (at_least names a key of this block)"));
                }
            }
        });
        if (!problems.isEmpty()) throw new InputException(problems);
        return out;
    }

    /** The entries of a {@code measures:} mapping, every problem located. */
    public static List<Measure> measures(YamlNode map) {
        return measures(map, java.util.Set.of());
    }

    /**
     * The entries of a profile's {@code measures:} mapping, whose {@code sum_of} may also name the measures
     * of the dictionary it adds to ({@code known}).
     */
    public static List<Measure> measures(YamlNode map, java.util.Set<String> known) {
        List<Measure> out = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        map.entries().forEach((key, m) -> {
            try {
                out.add(measure(key, m));
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
        });
        java.util.Set<String> keys = new java.util.HashSet<>(known);
        for (Measure m : out) keys.add(m.key());
        map.entries().forEach((key, m) -> {
            if (!m.isMap()) return;
            for (String part : m.strings("sum_of")) {
                if (!keys.contains(part)) problems.add(m.require("sum_of").problem("未知的度量 " + part + " (sum_of names a measure that is not declared)"));
            }
        });
        if (!problems.isEmpty()) throw new InputException(problems);
        return out;
    }

    private static Measure measure(String key, YamlNode m) {
        if (!key.matches("[a-z][a-z0-9_.]*")) throw m.error("度量键应为小写字母、数字、点 (a measure key is lower-case letters, digits and dots)");
        Where where = m.get("where").map(MeasureReader::where).orElse(Where.ANY);
        String flow = m.optString("flow").orElse("").trim();
        if (!flow.isEmpty() && !flow.matches("[a-z][a-z0-9_.]*")) throw m.require("flow").error("流水名应为小写字母、数字、点 (a flow is named like a measure key)");
        if (!flow.isEmpty() && m.get("sum_of").isPresent()) throw m.require("flow").error("flow 与 sum_of 只能有其一 (a measure of a flow is not a sum)");
        boolean spending = m.bool("spending", false);
        if (spending && flow.isEmpty()) throw m.require("spending").error("spending 只用于有 flow 的度量 (spending names a flow of money spent)");
        Where within = Where.ANY;
        boolean printedOnly = m.bool("printed_only", false);
        if (!flow.isEmpty()) {
            // the flow's entries are filtered by `where`; over the ledger a selector is neutral (the checks see the
            // measures it is joined with), a printed_only measure nothing
            within = where;
            where = Where.ANY;
        }
        if (printedOnly) {
            if ((flow.isEmpty() && m.get("where").isPresent()) || m.get("sum_of").isPresent()) {
                throw m.require("printed_only").error("printed_only 的度量没有 where 或 sum_of（账本不含此数；决算数据集的数见 flow）(a printed-only measure has no filter but its flow's)");
            }
            where = Where.nothing();
        }
        String basis = m.optString("basis").orElse("预算");
        if (!basis.equals("预算") && !basis.equals("决算")) throw m.require("basis").error("应为 预算 或 决算");
        List<String> sumOf = m.strings("sum_of");
        if (!sumOf.isEmpty() && m.get("where").isPresent()) throw m.error("where 与 sum_of 只能有其一 (a measure is a filter or a sum, not both)");
        boolean part = m.bool("part", false);
        if (part && (printedOnly || !sumOf.isEmpty() || !flow.isEmpty())) {
            throw m.require("part").error("part 只用于账本筛选的度量（非 printed_only、sum_of 或 flow）(part marks a filter of the ledger's lines)");
        }
        return new Measure(key, m.string("name"), m.strings("synonyms"), where, sumOf, basis, m.optString("description").orElse(""),
                flow, within, spending, printedOnly, part);
    }

    static Where where(YamlNode w) {
        Where out = Where.ANY;
        for (var e : w.entries().entrySet()) {
            YamlNode v = e.getValue();
            Where c = switch (e.getKey()) {
                case "sources" -> Where.sources(w.strings("sources"));
                case "budget" -> new Where(null, Set.copyOf(w.strings("budget")), null, null, null, null, null, false);
                case "period" -> new Where(null, null, switch (text(v)) {
                    case "current" -> Where.Period.CURRENT;
                    case "carry" -> Where.Period.CARRY;
                    default -> throw v.error("应为 current 或 carry");
                }, null, null, null, null, false);
                case "fiscal" -> new Where(null, null, null, w.bool("fiscal", true), null, null, null, false);
                case "kind" -> Where.kinds(kinds(v, w.strings("kind")));
                case "nature" -> Where.kinds(switch (text(v)) {
                    case "basic" -> EnumSet.of(Where.Kind.PERSONNEL, Where.Kind.PUBLIC);
                    case "project" -> EnumSet.of(Where.Kind.PROJECT);
                    default -> throw v.error("应为 basic 或 project");
                });
                case "eco" -> Where.eco(codes(v, w.strings("eco")));
                case "func" -> new Where(null, null, null, null, null, null, codes(v, w.strings("func")), false);
                default -> throw v.error("未知的条件 " + e.getKey() + " (expected sources, budget, period, fiscal, kind, nature, eco or func)");
            };
            out = out.and(c);
        }
        return out;
    }

    private static String text(YamlNode v) {
        String t = v.text();
        return t == null ? "" : t.trim();
    }

    private static Set<Where.Kind> kinds(YamlNode v, List<String> names) {
        Set<Where.Kind> out = EnumSet.noneOf(Where.Kind.class);
        for (String n : names) {
            out.add(switch (n) {
                case "personnel" -> Where.Kind.PERSONNEL;
                case "public" -> Where.Kind.PUBLIC;
                case "project" -> Where.Kind.PROJECT;
                default -> throw v.error("应为 personnel、public 或 project，实际为 \"" + n + "\"");
            });
        }
        return out;
    }

    private static List<String> codes(YamlNode v, List<String> codes) {
        for (String c : codes) if (c == null || !c.matches("\\d{1,7}")) throw v.error("分类代码应为 1 至 7 位数字，实际为 \"" + c + "\"");
        return codes;
    }
}
