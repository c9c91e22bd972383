package org.openbudget.render.layout;

import java.util.ArrayList;
import java.util.List;

import org.openbudget.core.text.Numbering;
import java.util.regex.Pattern;

import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.Overview;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.disclosure.text.Staffing;
import org.openbudget.core.profile.TemplateProfile;

/**
 * The whole document as the official template orders it — cover, 目录, 第一部分 概况, 第二部分 the
 * eleven tables, 第三部分 情况说明 (with the 绩效目标表 after 十二（四）), 第四部分 名词解释 and the
 * closing — as a list of {@link Block}s that every document renderer prints. Text parts are
 * printed whenever the Disclosure carries them; a Disclosure of tables only gives cover, 目录 and
 * 第二部分.
 */
public final class DocumentView {
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
            "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"};
    private static final Pattern NUMBERED = Pattern.compile("^([（(][一二三四五六七八九十\\d]+[）)]|\\d+[.、．]|[一二三四五六七八九十]+、)");

    private final Disclosure disclosure;
    private final TemplateProfile profile;
    /** A sub-heading's number at a paragraph's start, as the profile numbers them (text.sub_heading). */
    private final Pattern subHeading;
    private final String kind;
    private final List<TableView> tables;
    private final List<Block> blocks;

    public DocumentView(Disclosure disclosure, TemplateProfile profile) {
        this.disclosure = disclosure;
        this.profile = profile;
        this.subHeading = Numbering.start(profile.text().subHeading());
        this.kind = disclosure.kind().label();
        TableLayouts layouts = new TableLayouts(profile, disclosure.year());
        List<TableView> ts = new ArrayList<>();
        for (DisclosureTable t : disclosure.tables()) ts.add(layouts.layout(t));
        this.tables = List.copyOf(ts);
        this.blocks = List.copyOf(build());
    }

    public Disclosure disclosure() { return disclosure; }

    public TemplateProfile profile() { return profile; }

    public List<TableView> tables() { return tables; }

    public List<Block> blocks() { return blocks; }

    /** 单位 or 部门. */
    public String kind() { return kind; }

    public String unit() { return disclosure.unitName(); }

    public int year() { return disclosure.year(); }

    /** "2024年乌鲁木齐市中小企业服务中心单位预算" — the document's title (PDF metadata, HTML title). */
    public String documentTitle() { return finalAccounts() ? year() + "年度" + unit() + kind + "决算" : year() + "年" + unit() + kind + "预算"; }

    /** A 决算 (final accounts): the profile's basis. Its parts are headed as the national 决算 template heads them. */
    public boolean finalAccounts() { return "决算".equals(profile.meta().basis()); }

    /** "编制单位：乌鲁木齐市中小企业服务中心", "部门名称：深圳市信访局": the profile's unit label. */
    public String preparedBy() { return profile.unitCaption(kind, unit()); }

    /** "单位：万元" or "单位：元": the amount unit the profile prints. */
    public String unitLine() { return profile.amountFormat().caption(); }

    /** The amount unit one table prints: its own where the profile gives it one (上海 "三公" table: 单位：万元). */
    public String unitLine(org.openbudget.core.disclosure.DisclosureTable t) {
        var tpl = profile.tableById(t.id()).or(() -> profile.findTable(t.no())).orElse(null);
        return profile.amountFormat(tpl).caption();
    }

    public static String numeral(int n) {
        return n >= 1 && n <= NUMERALS.length ? NUMERALS[n - 1] : String.valueOf(n);
    }

    /** A part's heading as the profile's text.parts words it ({year}, {unit}, {kind}). */
    private String part(String pattern) {
        return org.openbudget.core.profile.TextTemplate.Parts.printed(pattern, year(), unit(), kind);
    }

    /** A heading of 第一部分 as the profile's text prints it ("" when the profile has none). */
    private String heading(String key) {
        String h = profile.text().sentences().get(key);
        return h == null ? "" : h;
    }

    private List<Block> build() {
        DocumentText text = disclosure.text();
        List<Block> out = new ArrayList<>();
        out.add(new Block.Cover(unit(), finalAccounts() ? year() + "年度" + kind + "决算公开" : year() + "年" + kind + "预算公开"));
        List<Block.TocEntry> toc = new ArrayList<>();
        Block.Toc tocBlock = new Block.Toc("目 录", toc);
        out.add(tocBlock);

        Overview ov = text.overview();
        boolean hasOverview = !ov.functions().isEmpty() || ov.staffing() != null || !ov.offices().isEmpty()
                || !ov.subordinateUnits().isEmpty();
        if (hasOverview) {
            String h = part(profile.text().parts().overview());
            out.add(new Block.Heading(1, h, "part1"));
            toc.add(new Block.TocEntry(1, h, "part1"));
            // 第一部分's headings as the profile's outline words them (p1.functions_heading, p1.structure_heading)
            String functions = heading("p1.functions_heading");
            if (!functions.isEmpty()) {
                out.add(new Block.Heading(2, functions, "part1-1"));
                toc.add(new Block.TocEntry(2, functions, "part1-1"));
            }
            int i = 1;
            for (String f : ov.functions()) {
                out.add(Block.Para.of(NUMBERED.matcher(f).find() ? f : Numbering.format(profile.text().subHeading(), i) + f));
                i++;
            }
            String structure = heading("p1.structure_heading");
            if (!structure.isEmpty()) {
                out.add(new Block.Heading(2, structure, "part1-2"));
                toc.add(new Block.TocEntry(2, structure, "part1-2"));
            }
            if (!organisationFromFacts(text, ov, out)) organisation(ov, out);
        }

        String h2 = part(profile.text().parts().tables());
        out.add(new Block.Heading(1, h2, "part2"));
        toc.add(new Block.TocEntry(1, h2, "part2"));
        int n = 1;
        for (int i = 0; i < tables.size(); i++) {
            TableView t = tables.get(i);
            String id = "table" + t.no();
            out.add(new Block.Table(t, preparedBy(), id, unitLine(disclosure.tables().get(i))));
            toc.add(new Block.TocEntry(2, numeral(n++) + "、" + t.title(), id));
        }

        if (!text.sections().isEmpty() || !text.performance().isEmpty()) {
            String h3 = part(profile.text().parts().explanation());
            out.add(new Block.Heading(1, h3, "part3"));
            toc.add(new Block.TocEntry(1, h3, "part3"));
            boolean perfPlaced = false;
            String[] perf = performancePlace();
            int s = 1;
            for (Section sec : text.sections()) {
                String id = "section" + s++;
                String title = Numbering.heading(profile.text().sectionNumber(), sec.numeral(), sec.title());
                out.add(new Block.Heading(2, title, id));
                toc.add(new Block.TocEntry(2, title, id));
                List<String> ps = sec.paragraphs();
                int insertAt = -1;
                // the performance tables follow the part of the section whose outline holds the performance block:
                // before the next part's sub-heading, else at the section's end
                if (!perf[0].isEmpty() && sec.numeral().equals(perf[0]) && !text.performance().isEmpty()) {
                    insertAt = ps.size();
                    int part = Integer.parseInt(perf[1]);
                    for (int i = 0; i < ps.size(); i++) {
                        java.util.regex.Matcher m = subHeading.matcher(Numbering.half(ps.get(i)));
                        if (m.find() && Numbering.ordinal(m.group(1)) > part) { insertAt = i; break; }
                    }
                }
                for (int i = 0; i < ps.size(); i++) {
                    if (i == insertAt) { performance(text, out); perfPlaced = true; }
                    paragraph(ps.get(i), out, id + "-" + i);
                }
                if (insertAt == ps.size()) { performance(text, out); perfPlaced = true; }
            }
            if (!perfPlaced && !text.performance().isEmpty()) performance(text, out);
        }

        if (!text.glossary().isEmpty()) {
            String h4 = part(profile.text().parts().glossary());
            out.add(new Block.Heading(1, h4, "part4"));
            toc.add(new Block.TocEntry(1, h4, "part4"));
            int g = 1;
            for (DocumentText.GlossaryEntry e : text.glossary()) {
                out.add(new Block.Para(Numbering.format(profile.text().glossaryNumber(), g++) + e.term() + "：", e.definition(), false));
            }
        }
        if (!text.isEmpty() || !text.closingName().isEmpty()) {
            out.add(new Block.Para("", text.closingName().isEmpty() ? unit() : text.closingName(), true));
            if (!text.closingDate().isEmpty()) out.add(new Block.Para("", text.closingDate(), true));
        }
        return out;
    }


    /** {section number, part} of the outline's performance block: the part is the number of headings before it ("" when none). */
    private String[] performancePlace() {
        for (org.openbudget.core.profile.TextOutline.Section os : profile.text().outline().sections()) {
            int headings = 0;
            for (org.openbudget.core.profile.TextOutline.Block b : os.blocks()) {
                if (b.kind().equals("heading")) headings++;
                if (b.kind().equals("performance")) return new String[] {os.number(), String.valueOf(headings)};
            }
        }
        return new String[] {"", "0"};
    }

    private void paragraph(String p, List<Block> out, String id) {
        if (subHeading.matcher(Numbering.half(p)).find() && p.length() <= 80 && !p.contains("。")) {
            out.add(new Block.Heading(3, p, id));
        } else {
            out.add(Block.Para.of(p));
        }
    }

    private void performance(DocumentText text, List<Block> out) {
        for (PerformanceTable p : text.performance()) {
            var labels = profile.text().performanceLabels();
            String title = "整体".equals(p.kind()) ? labels.overallTitle(kind) : labels.projectTitle();
            out.add(new Block.Performance(p, title, "（" + year() + "年）"));
        }
    }

    /**
     * 机构设置及人员情况 as the text generator (or the reader of a published document) worded it:
     * the sentences of the 第一部分 facts, in order, once each, with the list of subordinate units
     * after the sentence that introduces it ("…下属预算单位包括："). False when there are none.
     */
    private boolean organisationFromFacts(DocumentText text, Overview ov, List<Block> out) {
        java.util.LinkedHashSet<String> sentences = new java.util.LinkedHashSet<>();
        for (org.openbudget.core.disclosure.text.TextFact f : text.facts()) {
            if (!"第一部分".equals(f.section()) || f.sentence().isBlank()) continue;
            if (f.sentence().equals(heading("p1.structure_heading")) || f.sentence().equals(heading("p1.functions_heading"))) continue; // headings
            sentences.add(f.sentence().strip());
        }
        if (sentences.isEmpty()) return false;
        boolean listed = false;
        for (String sentence : sentences) {
            out.add(Block.Para.of(sentence));
            if (!listed && sentence.endsWith("包括：") && !ov.subordinateUnits().isEmpty()) {
                int i = 1;
                for (String u : ov.subordinateUnits()) out.add(Block.Para.of(Numbering.format(profile.text().listNumber(), i++) + u));
                listed = true;
            }
        }
        return true;
    }

    private void organisation(Overview ov, List<Block> out) {
        String offices = ov.offices().isEmpty() ? "" : "分别是：" + String.join("、", ov.offices()) + "。";
        if (ov.subordinateUnits().isEmpty()) {
            out.add(Block.Para.of(unit() + "无下属预算单位，下设 " + ov.offices().size() + " 个处室"
                    + (ov.offices().isEmpty() ? "。" : "，" + offices)));
        } else {
            if (!ov.offices().isEmpty()) {
                out.add(Block.Para.of(unit() + "本级下设 " + ov.offices().size() + " 个处室，" + offices));
            }
            out.add(Block.Para.of("纳入" + unit() + year() + "年" + kind + "预算编制范围的下属预算单位包括："));
            int i = 1;
            for (String u : ov.subordinateUnits()) out.add(Block.Para.of(Numbering.format(profile.text().listNumber(), i++) + u));
        }
        Staffing s = ov.staffing();
        if (s != null) {
            StringBuilder b = new StringBuilder(unit());
            if (s.authorized() != null) b.append("编制数 ").append(s.authorized()).append("，");
            if (s.actual() != null) b.append("实有人数 ").append(s.actual()).append(" 人，");
            b.append("其中：");
            List<String> parts = new ArrayList<>();
            people(parts, "在职", s.active(), s.activeChange());
            people(parts, "退休", s.retired(), s.retiredChange());
            people(parts, "离休", s.honoraryRetired(), s.honoraryRetiredChange());
            b.append(String.join("；", parts)).append("。");
            out.add(Block.Para.of(b.toString()));
        }
    }

    private static void people(List<String> parts, String label, Integer n, Integer change) {
        if (n == null) return;
        String s = label + " " + n + " 人";
        if (change != null) s += "，" + (change < 0 ? "减少 " + (-change) : "增加 " + change) + " 人";
        parts.add(s);
    }
}
