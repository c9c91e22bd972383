package org.openbudget.audit.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.profile.PerformanceLabels;

/**
 * Reads a 绩效目标表 of a published document's 第三部分 — a 项目支出绩效目标表 or a {kind}整体绩效目标表 — by the
 * labels the profile prints it with ({@code text.performance_labels}: its titles, unit, project, manager, funds,
 * goal and indicator labels, a published overall table's 上级安排 / 本级安排 / 其他 rows, the mark of a scoring
 * rule). What stays here is how a table's cells come out of a document's text: a tab row's cells, or a plain
 * line's tokens, and a remark in brackets after a label ("部门名称 (盖章)").
 */
final class PerformanceTableReader {
    private final PerformanceLabels pl;
    private final List<String> notes;
    /** The overall table's titles for both kinds, squashed; the project table's title. */
    private final List<String> overallTitles = new ArrayList<>();
    private final String projectTitle;

    PerformanceTableReader(PerformanceLabels labels, List<String> notes) {
        this.pl = labels;
        this.notes = notes;
        // a profile without text has no labels: it finds no 绩效目标表
        for (String t : labels == null ? List.<String>of() : labels.overallTitles()) {
            for (String kind : List.of("单位", "部门")) overallTitles.add(TextFactReader.squash(t.replace("{kind}", kind)));
        }
        this.projectTitle = labels == null ? null : TextFactReader.squash(labels.projectTitle());
    }

    /** "整体" or "项目" when the (squashed, no *) line is a 绩效目标表's title; else null. */
    String title(String squashed) {
        if (squashed.equals(projectTitle)) return "项目";
        return overallTitles.contains(squashed) ? "整体" : null;
    }

    /** The table whose lines start with its title line ({@link #title}). */
    PerformanceTable read(List<String> lines) {
        String kindOf = title(lines.get(0));
        String projectLabel = TextFactReader.squash(pl.project()), managerLabel = TextFactReader.squash(pl.manager());
        String projectGoal = TextFactReader.squash(pl.projectGoal()), overallGoal = TextFactReader.squash(pl.overallGoal());
        Pattern goalLabel = Pattern.compile("^(" + Pattern.quote(projectGoal) + "|" + Pattern.quote(overallGoal) + ")\\s*");
        String unitName = "", name = "", manager = "", goal = "";
        for (String l : lines) {
            String flat = SPACES.matcher(l.replace('\t', ' ').trim()).replaceAll(" ");
            String fs = TextFactReader.squash(l);
            if (unitName.isEmpty()) {
                // the profile's unit labels; a remark the label's cell prints after it ("部门名称 (盖章)") is not the name
                for (String label : List.of(TextFactReader.squash(pl.unit()), TextFactReader.squash(pl.overallUnit("单位")), TextFactReader.squash(pl.overallUnit("部门")))) {
                    if (fs.startsWith(label)) {
                        unitName = firstCell(l, label);
                        break;
                    }
                }
            }
            if (name.isEmpty() && !projectLabel.isEmpty() && fs.startsWith(projectLabel)) {
                String rest = firstCellsUntil(l, projectLabel, managerLabel);
                name = rest;
                int m = managerLabel.isEmpty() ? -1 : flat.indexOf(managerLabel);
                if (m >= 0) manager = flat.substring(m + managerLabel.length()).trim();
            }
            if (goal.isEmpty() && (fs.startsWith(projectGoal) || fs.startsWith(overallGoal))) {
                goal = goalLabel.matcher(flat).replaceFirst("").replace("<p>", "").replace("</p>", "").trim();
            }
        }
        String joined = TextFactReader.half(TextFactReader.squash(String.join("", lines)));
        BigDecimal total, fiscal, other;
        if (kindOf.equals("项目")) {
            total = after(joined, TextFactReader.squash(pl.total()));
            fiscal = after(joined, TextFactReader.squash(pl.fiscal()).replaceFirst("^其中[：:]", ""));
            other = after(joined, TextFactReader.squash(pl.other()));
        } else {
            BigDecimal up = after(joined, TextFactReader.squash(pl.upper())), local = after(joined, TextFactReader.squash(pl.local()));
            other = after(joined, TextFactReader.squash(pl.otherSource()));
            fiscal = up == null && local == null ? null : nz(up).add(nz(local));
            total = fiscal == null && other == null ? null : nz(fiscal).add(nz(other));
        }
        List<PerformanceTable.Indicator> indicators = new ArrayList<>();
        int header = -1;
        // the indicator header: its first label, or the first half of it where a narrow cell wraps it (一级 / 指标)
        String first = TextFactReader.squash(pl.indicators().get(0));
        String firstHead = first.length() > 2 ? first.substring(0, first.length() / 2) : first;
        for (int i = 0; i < lines.size(); i++) {
            if (TextFactReader.squash(lines.get(i)).startsWith(firstHead)) {
                header = i;
                break;
            }
        }
        if (header >= 0) {
            // tab rows: the weight is the number just before the 赋分规则 cell, the other columns lie around it;
            // other lines (plain layout, cells broken over lines): the weight is the token before the rule
            List<String> tokens = new ArrayList<>();
            String level1 = "", level2 = "";
            for (int i = header + 1; i < lines.size(); i++) {
                String line = lines.get(i);
                PerformanceTable.Indicator row = line.indexOf('\t') >= 0 ? tabIndicator(line.split("\t", -1), level1, level2, pl.ruleMark()) : null;
                if (row != null) {
                    level1 = row.level1();
                    level2 = row.level2();
                    indicators.addAll(tokenIndicators(tokens));
                    tokens.clear();
                    indicators.add(row);
                } else {
                    for (String t : TABS_SPACES.split(line)) if (!t.isBlank()) tokens.add(t.trim());
                }
            }
            indicators.addAll(tokenIndicators(tokens));
        }
        if (kindOf.equals("项目") && name.isEmpty()) notes.add("绩效目标表：找不到项目名称");
        String phone = "";
        BigDecimal upper = null;
        if (kindOf.equals("整体")) {
            for (String l : lines) {
                String fs = TextFactReader.squash(l);
                if (fs.startsWith(TextFactReader.squash(pl.contact("单位"))) || fs.startsWith(TextFactReader.squash(pl.contact("部门")))) {
                    String[] cells = l.split("\t");
                    List<String> nonEmpty = new ArrayList<>();
                    for (String c : cells) if (!c.isBlank()) nonEmpty.add(c.trim());
                    if (nonEmpty.size() >= 2) manager = nonEmpty.get(1);
                    if (nonEmpty.size() >= 4) phone = nonEmpty.get(3);
                }
            }
            upper = after(joined, TextFactReader.squash(pl.upper()));
        }
        return new PerformanceTable(kindOf, unitName, "", name, manager, total, fiscal, other, goal, indicators, phone, upper);
    }

    // per line of every 绩效目标表: compiled once
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TABS_SPACES = Pattern.compile("[\\t ]+");
    private static final Pattern WIDE_SPACES = Pattern.compile("\\s{2,}");
    private static final Pattern WEIGHT = Pattern.compile("\\d{1,3}(\\.\\d{1,12})?");

    /** One tab row of indicators, or null when no cell is a weight followed by its 赋分规则. */
    private static PerformanceTable.Indicator tabIndicator(String[] raw, String level1, String level2, String ruleMark) {
        String[] c = new String[raw.length];
        for (int i = 0; i < raw.length; i++) c[i] = raw[i].trim();
        for (int w = 1; w + 1 < c.length; w++) {
            if (!WEIGHT.matcher(c[w]).matches() || !c[w + 1].contains(ruleMark)) continue;
            String l3 = w >= 4 ? c[w - 4] : "";
            if (l3.isEmpty()) for (int k = 0; k < w - 3 && l3.isEmpty(); k++) l3 = c[k];
            String l1 = w >= 6 && !c[w - 6].isEmpty() ? c[w - 6] : level1;
            String l2 = w >= 5 && !c[w - 5].isEmpty() && !c[w - 5].equals(l3) ? c[w - 5] : level2;
            return new PerformanceTable.Indicator(l1, l2, l3, w >= 3 ? c[w - 3] : "", w >= 2 ? c[w - 2] : "", c[w - 1],
                    new BigDecimal(c[w]), c[w + 1], w + 2 < c.length ? c[w + 2] : "");
        }
        return null;
    }

    private List<PerformanceTable.Indicator> tokenIndicators(List<String> tokens) {
        List<PerformanceTable.Indicator> out = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String both = t + (i + 1 < tokens.size() ? tokens.get(i + 1) : "");
            if (pl.ruleStarts().stream().noneMatch(t::startsWith) || !t.contains(pl.ruleMark())) continue;
            String w = tokens.get(i - 1);
            if (!WEIGHT.matcher(w).matches()) continue;
            String rule = t.endsWith(pl.ruleMark()) ? both : t;
            out.add(new PerformanceTable.Indicator("", "", "", "", "", "", new BigDecimal(w), rule, ""));
        }
        return out;
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static final Map<String, Pattern> AFTER_LABEL = new java.util.concurrent.ConcurrentHashMap<>();

    private static BigDecimal after(String s, String label) {
        Matcher m = AFTER_LABEL.computeIfAbsent(label, l -> Pattern.compile(Pattern.quote(TextFactReader.half(l)) + "[:]?" + TextFactReader.NUM)).matcher(s);
        return m.find() ? TextFactReader.num(m.group(1)) : null;
    }

    /** A remark in brackets right after a label, in its cell ("部门名称 (盖章)"): at most 12 characters. */
    private static final Pattern REMARK = Pattern.compile("^[ \\u3000]*+[(（][^()（）\\t]{1,12}[)）]");

    /** The first non-empty cell after a label ("预算单位\t\t乌鲁木齐…\t\t"), or the rest of a plain line (a remark after the label dropped). */
    private static String firstCell(String line, String label) {
        String rest = REMARK.matcher(afterLabel(line, label)).replaceFirst("");
        if (line.indexOf('\t') >= 0) {
            for (String c : rest.split("\t")) if (!c.isBlank()) return c.trim();
            return "";
        }
        return rest.trim();
    }

    private static String firstCellsUntil(String line, String label, String stop) {
        String rest = afterLabel(line, label);
        int s = rest.indexOf(stop);
        if (s >= 0) rest = rest.substring(0, s);
        return WIDE_SPACES.matcher(rest.replace('\t', ' ').trim()).replaceAll(" ");
    }

    /** The text after a label whose characters may be separated by spaces in the line. */
    private static String afterLabel(String line, String label) {
        int k = 0, i = 0;
        String l = line;
        while (i < l.length() && k < label.length()) {
            char c = l.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (TextFactReader.half(String.valueOf(c)).charAt(0) == TextFactReader.half(String.valueOf(label.charAt(k))).charAt(0)) k++;
            else return l.substring(i);
            i++;
        }
        return l.substring(i);
    }
}
