package org.openbudget.web.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.openbudget.core.classification.ClassItem;
import org.openbudget.core.classification.FundingSource;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.text.FactKind;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.ledger.LedgerLine;
import org.openbudget.core.ledger.Project;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.profile.TextOutline;
import org.openbudget.web.forms.FormRows.KeyedRow;

/**
 * What the forms offer to choose from, for one budget year and the budget as stored: the year's
 * classifications (项 and 款 with their names), funding sources, the budget's projects, and the
 * keys the text may explain or compare (docs/text-facts.md) with their Chinese names.
 */
public final class FormOptions {
    /** The keys whose change the text states (a reason and last year's figure are asked for), in words. */
    private final Map<String, String> changeKeys;
    /** Further keys the text states, that a comparative may be given for. */
    private final Map<String, String> otherAmountKeys;

    private final ReferenceData ref;
    private final Budget budget;
    private final Disclosure disclosure;

    /**
     * {@code budget} and {@code disclosure} may be null (nothing stored yet).
     *
     * @param profile the template the document is written under (its text outline says which facts the text
     *                states and compares with last year); null when unknown: no fixed key is offered
     */
    public FormOptions(ReferenceData ref, Budget budget, Disclosure disclosure, TemplateProfile profile) {
        this.ref = ref;
        this.budget = budget;
        this.disclosure = disclosure;
        this.profile = profile;
        this.changeKeys = new LinkedHashMap<>();
        this.otherAmountKeys = new LinkedHashMap<>();
        if (profile != null) {
            for (TextOutline.Compared c : profile.text().outline().comparatives()) {
                (c.change() ? changeKeys : otherAmountKeys).put(c.key(), c.words(profile.rules()));
            }
            otherAmountKeys.keySet().removeAll(changeKeys.keySet());
            // where each narrative block stands in 第三部分: its section's number and, after the section's headings, its part
            for (TextOutline.Section sec : profile.text().outline().sections()) {
                int headings = 0;
                for (TextOutline.Block b : sec.blocks()) {
                    if (b.kind().equals("heading")) headings++;
                    else places.putIfAbsent(b.kind(), sec.number() + (headings == 0 ? "" : "（" + org.openbudget.core.text.ChineseNumerals.of(headings) + "）"));
                }
            }
        }
    }

    /** Where the template's text states a narrative block ("procurement" → "第三部分 十二（二）"); "第三部分" when its outline does not say. */
    public String place(String blockKind) {
        String p = places.get(blockKind);
        return p == null ? "第三部分" : "第三部分 " + p;
    }

    private final TemplateProfile profile;

    /**
     * How the form asks for a dataset field of a block (procurement goods → 货物, overview personnel.active → 在职人数): the
     * label of its statement in the template's dictionary of measures (refdata/measures.yaml, statements:), the field when
     * none declares it.
     */
    public String label(String block, String datasetField) {
        var dict = profile != null ? profile.measures() : org.openbudget.io.refdata.ReferenceLibrary.builtInMeasures();
        return dict.statementOf(block, datasetField).map(org.openbudget.core.measure.Statement::label).orElse(datasetField);
    }

    /**
     * The heading under which the template's 第一部分 states 人员情况, without its number ({@code p1.structure_heading}
     * "二、机构设置及人员情况" → 机构设置及人员情况); "" when no template is known or it has none.
     */
    public String staffingHeading() {
        String h = profile == null ? null : profile.text().sentences().get("p1.structure_heading");
        return h == null ? "" : h.replaceFirst("^\\s*[一二三四五六七八九十]+[、.．]\\s*", "").strip();
    }

    /** The template's labels of its 绩效目标表 (text.performance_labels; the national template's when none is known or it has no text). */
    public org.openbudget.core.profile.PerformanceLabels performance() {
        var own = profile == null ? null : profile.text().performanceLabels();
        return own == null ? org.openbudget.io.refdata.ReferenceLibrary.nationalPerformanceLabels() : own;
    }

    /** Block kind → its section and part in the profile's outline. */
    private final Map<String, String> places = new LinkedHashMap<>();

    /**
     * A fixed text-fact key in words, as the templates of the library state it — the default family's
     * latest first, then the others ({@code income.gpb.local} → 二 一般公共预算); null when none does.
     */
    public static String fixedKeyLabel(org.openbudget.io.refdata.ReferenceLibrary library, String key) {
        if (library != null) {
            List<String> ids = new ArrayList<>(library.profileIds());
            String family = library.families().defaultFamily("预算") + "-";
            ids.sort(java.util.Comparator.comparing((String id) -> !id.startsWith(family)).thenComparing(java.util.Comparator.reverseOrder()));
            for (String id : ids) {
                TemplateProfile p;
                try {
                    p = library.profile(id);
                } catch (RuntimeException e) {
                    continue;
                }
                for (TextOutline.Compared c : p.text().outline().comparatives()) {
                    if (c.key().equals(key)) return c.words(p.rules());
                }
            }
        }
        if (key.startsWith("gpb.item:")) return "一般公共预算 " + key.substring(9);
        if (key.startsWith("gpb.class:")) return "一般公共预算 " + key.substring(10);
        return null;
    }

    /** 支出功能分类 项 (7 digits) of the year. */
    public List<ClassItem> funcItems() { return ref == null ? List.of() : ref.functional().items().stream().filter(i -> i.code().length() == 7).toList(); }

    /** 部门预算支出经济分类 款 (5 digits) of the year. */
    public List<ClassItem> ecoItems() { return ref == null ? List.of() : ref.economic().items().stream().filter(i -> i.code().length() == 5).toList(); }

    public List<FundingSource> sources() { return ref == null ? List.of() : ref.sources(); }

    public String funcName(String code) { return ref == null || code == null ? "" : ref.functional().name(code.replace(" ", "")).orElse(""); }

    public String ecoName(String code) { return ref == null || code == null ? "" : ref.economic().name(code.replace(" ", "")).orElse(""); }

    /** The projects a line or a text may name: the unit's (a department: its units'). */
    public List<Project> projects() { return budget == null ? List.of() : List.copyOf(budget.allProjects().values()); }

    public boolean hasProject(String code) {
        return budget != null && code != null && budget.allProjects().containsKey(code);
    }

    public String projectName(String code) {
        Project p = budget == null || code == null ? null : budget.allProjects().get(code);
        return p == null ? code : p.name();
    }

    public boolean classified(String code) {
        Project p = budget == null || code == null ? null : budget.allProjects().get(code);
        return p != null && p.classified();
    }

    public boolean hasSource(String code) {
        return ref != null && code != null && ref.sources().stream().anyMatch(s -> s.code().equals(code));
    }

    /**
     * The ledger form with each value as the form's lists spell it (a funding source by its code, 基本
     * for 基本支出): the same to the reader, so that a select shows the value chosen.
     */
    public LinesForm normalized(LinesForm f) {
        for (LinesForm.LineRow r : FormRows.nonNull(f.lines)) {
            if (r == null) continue;
            if (ref != null) ref.source(Raw.trim(r.fundSource)).ifPresent(s -> r.fundSource = s.code());
            if (Raw.trim(r.nature).equals("基本支出")) r.nature = "基本";
            if (Raw.trim(r.nature).equals("项目支出")) r.nature = "项目";
        }
        return f;
    }

    /** The 类 with 当年财政拨款 (a 主要用于 note may be written for them). */
    public Set<String> fiscalClasses() {
        Set<String> out = new TreeSet<>();
        if (budget == null || ref == null) return out;
        for (LedgerLine l : budget.allLines()) {
            if (l.amountFen() != 0 && ref.source(l.fundSource()).map(FundingSource::fiscalCurrent).orElse(false)) out.add(l.funcCode().substring(0, 3));
        }
        return out;
    }

    /** The 项 with 当年一般公共预算 money (五（三） explains each one's change). */
    public Set<String> gpbItems() {
        Set<String> out = new TreeSet<>();
        if (budget == null || ref == null) return out;
        for (LedgerLine l : budget.allLines()) {
            if (l.amountFen() != 0 && ref.source(l.fundSource()).map(FundingSource::generalPublicCurrent).orElse(false)) out.add(l.funcCode());
        }
        return out;
    }

    /** The projects with carry-over money (十一). */
    public Set<String> carryProjects() {
        Set<String> out = new LinkedHashSet<>();
        if (budget == null || ref == null) return out;
        for (LedgerLine l : budget.allLines()) {
            if (l.projectCode() != null && ref.source(l.fundSource()).map(s -> !s.currentYear()).orElse(false)) out.add(l.projectCode());
        }
        return out;
    }

    /** A text-fact key in words. */
    public String keyLabel(String key) {
        if (changeKeys.containsKey(key)) return changeKeys.get(key);
        if (otherAmountKeys.containsKey(key)) return otherAmountKeys.get(key);
        if (key.startsWith("gpb.item:")) return "一般公共预算 " + key.substring(9) + " " + funcName(key.substring(9));
        if (key.startsWith("gpb.class:")) {
            String c = key.substring(10);
            return "一般公共预算 " + c + " " + (ref == null ? "" : ref.functional().name(c).orElse(""));
        }
        return key;
    }

    /** This year's figure and its change, as the generated text states them ("本年 304.15 万元，比上年增加 64.20 万元"). */
    String hint(String key) {
        if (disclosure == null || disclosure.text() == null) return "";
        BigDecimal now = disclosure.text().fact(key, FactKind.AMOUNT).map(TextFact::value).orElse(null);
        TextFact change = disclosure.text().fact(key, FactKind.CHANGE).orElse(null);
        StringBuilder b = new StringBuilder();
        if (now != null) b.append("本年 ").append(now.toPlainString()).append(" 万元");
        if (change != null && change.value() != null) {
            if (b.length() > 0) b.append("，");
            b.append("比上年").append(change.word()).append(' ').append(change.value().toPlainString()).append(" 万元");
        }
        return b.toString();
    }

    /** The keys a reason may be given for: the fixed ones, then this year's 一般公共预算 项, then last year's. */
    List<String> reasonKeys(LastYearForm lastYear) {
        List<String> keys = new ArrayList<>(changeKeys.keySet());
        Set<String> items = new TreeSet<>(gpbItems());
        if (lastYear != null) {
            for (KeyedRow r : FormRows.nonNull(lastYear.amounts)) {
                if (r != null && r.key.startsWith("gpb.item:") && !Raw.blank(r.text)) items.add(r.key.substring(9));
            }
        }
        for (String i : items) keys.add("gpb.item:" + i);
        return keys;
    }

    /** Adds a row for every key the text may explain or describe that the dataset does not fill yet, and names every row. */
    public TextForm complete(TextForm f, LastYearForm lastYear) {
        f.reasons = merge(f.reasons, reasonKeys(lastYear), false);
        for (KeyedRow r : f.reasons) {
            r.label = keyLabel(r.key);
            r.hint = hint(r.key);
        }
        List<String> classes = new ArrayList<>();
        fiscalClasses().forEach(classes::add);
        f.classNotes = merge(f.classNotes, classes, false);
        for (KeyedRow r : f.classNotes) r.label = r.key + " " + (ref == null ? "" : ref.functional().name(r.key).orElse(""));
        f.carryOverNotes = merge(f.carryOverNotes, new ArrayList<>(carryProjects()), true);
        Map<String, Project> projects = budget == null ? Map.of() : budget.allProjects();
        for (KeyedRow r : f.carryOverNotes) r.label = projects.containsKey(r.key) ? projects.get(r.key).name() : r.key;
        return f;
    }

    /** Adds a row for every comparative key the text uses, then three free rows for other keys. */
    public LastYearForm complete(LastYearForm f) {
        List<String> keys = new ArrayList<>(changeKeys.keySet());
        for (String i : gpbItems()) keys.add("gpb.item:" + i);
        f.amounts = merge(f.amounts, keys, false);
        for (int i = 0; i < 2; i++) f.amounts.add(new KeyedRow());
        for (KeyedRow r : f.amounts) {
            r.label = keyLabel(r.key);
            r.hint = hint(r.key);
            BigDecimal p = publishedAmounts.get(r.key);
            if (p != null) r.hint = publishedYear + " 年已发布：" + p.toPlainString() + " 万元（自动采用）" + (r.hint.isEmpty() ? "" : "；" + r.hint);
        }
        f.published = publishedYear == 0 ? "" : publishedYear + " 年的预算已在本系统发布（第 " + publishedVersion
                + " 版）：上年数自动取自该版本，不需填写；填写的数须与之相同，不同的是错误。";
        return f;
    }

    private int publishedYear;
    private int publishedVersion;
    private Map<String, BigDecimal> publishedAmounts = Map.of();

    /** Last year's published version's figures by key (they fill 上年数; a hand-typed one must equal them). */
    public FormOptions published(int year, int versionNo, Map<String, BigDecimal> amounts) {
        this.publishedYear = year;
        this.publishedVersion = versionNo;
        this.publishedAmounts = Map.copyOf(amounts);
        return this;
    }

    /**
     * A row for every key: the dataset's rows and an empty one for each key it lacks — in the order of
     * {@code keys} with the dataset's other rows after them, or ({@code listedFirst}: where the order
     * listed is the order printed, 十一) the dataset's rows as listed, then the missing keys. None is lost.
     */
    private static List<KeyedRow> merge(List<KeyedRow> rows, List<String> keys, boolean listedFirst) {
        List<KeyedRow> given = new ArrayList<>();
        Map<String, KeyedRow> byKey = new LinkedHashMap<>();
        for (KeyedRow r : FormRows.nonNull(rows)) {
            if (r == null) continue;
            given.add(r);
            byKey.putIfAbsent(r.key, r);
        }
        List<KeyedRow> out = new ArrayList<>();
        if (listedFirst) {
            out.addAll(given);
            for (KeyedRow r : given) r.fixed = keys.contains(r.key);
            for (String k : keys) if (!byKey.containsKey(k)) out.add(fixed(new KeyedRow(k, "", "", false)));
            return out;
        }
        for (String k : keys) {
            KeyedRow r = byKey.get(k);
            out.add(fixed(r != null ? r : new KeyedRow(k, "", "", false)));
            if (r != null) given.remove(r);
        }
        out.addAll(given);
        return out;
    }

    private static KeyedRow fixed(KeyedRow r) {
        r.fixed = true;
        return r;
    }

    /** The other keys a comparative may be given for, in words (for the free rows' list). */
    public Map<String, String> otherAmountKeys() { return otherAmountKeys; }
}
