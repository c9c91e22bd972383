package org.openbudget.audit.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openbudget.audit.origin.SourceLines;
import org.openbudget.audit.recognise.Recognizer;
import org.openbudget.audit.shape.ShapeReader;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.Overview;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.core.text.OutlinePatterns;
import org.openbudget.core.ledger.AgencyKind;
import org.openbudget.core.profile.MoneyCells;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.io.InputException;
import org.openbudget.io.refdata.ReferenceLibrary;

/**
 * A published document read under the profile recognition chose: its tables by the profile's shapes
 * ({@link ShapeReader}) — or, when no profile's signature fits, by the national standard's — with the
 * unit's name under whatever label the template prints it (or from the cover), the year and 部门/单位 as
 * recognised; its text by the profile's outline: in full ({@link TextFactReader}: shares, changes, lists,
 * reasons, projects, staffing) where the profile says so ({@code text.read: full}), else the
 * amounts its sentence patterns state ({@link OutlinePatterns}).
 */
final class ShapedDocument {
    private ShapedDocument() {}

    static final List<String> UNIT_LABELS = List.of("编制单位", "编制部门", "单位名称", "部门名称", "预算单位", "部门（单位）", "部门(单位)", "填报单位");
    private static final Pattern COVER = Pattern.compile("^(?:(20\\d\\d)年度?)?(.{2,60}?)(部门|单位)(?:综合)?[预决]算(?:公开)?$");
    /** A part heading or 目录 entry naming the unit: "第二部分上海市普陀区财政局2024年度部门决算表". */
    static final Pattern PART_HEADING = Pattern.compile("^" + org.openbudget.core.text.Numbering.inline(org.openbudget.core.text.Numbering.PART)
            + "(.{2,60}?)(20\\d\\d)年度?(?:部门|单位)(?:综合)?[预决]算(?:表|情况说明|公开表)?$");
    /** A cover whose unit stands on the line above "2024年度部门决算" (上海). */
    private static final Pattern COVER_YEAR_ONLY = Pattern.compile("^(20\\d\\d)年度?(?:部门|单位)(?:综合)?[预决]算(?:公开)?$");
    /** A cover that names the unit before the year: "西安市信访局 2026年部门预算公开". */
    private static final Pattern COVER_UNIT_FIRST = Pattern.compile("^(.{2,60}?)(20\\d\\d)年度?(?:部门|单位)(?:综合)?[预决]算(?:公开)?$");
    /** A label printed after the unit's name on the same line (西安: "部门名称：…（汇总）保密审查情况：已审查"). */
    private static final Pattern NEXT_LABEL = Pattern.compile("(?:保密审查|审查情况|联系人|联系电话|填报人|填报日期|公开日期|编制日期|日期)[^：:]{0,4}[：:]");

    static PublishedTextReader.Result read(String fileName, List<String> lines, List<String> squeezed, SourceLines source, ReferenceLibrary lib,
                                           Recognizer.Recognition recognition, List<String> notes) {
        int year = recognition.year();
        boolean fin = recognition.kind() == Recognizer.Kind.FINAL_ACCOUNTS;
        if (year == 0) throw new InputException(fileName, 1, "年度", fin ? "找不到决算年度（“20xx年度……决算”）" : "找不到预算年度（“20xx年……预算”）");
        String profileId;
        if (recognition.recognised()) {
            Recognizer.Match best = recognition.best().orElseThrow();
            profileId = best.profileId();
            if (!lib.profile(profileId).meta().detect().proven()) {
                notes.add("识别为模板 " + profileId + "（置信度 " + best.score() + "；依据：" + String.join("、", best.evidence()) + "）");
            }
        } else {
            // a document the regions' signatures do not fit is read by its basis's unrecognised family (refdata/templates.yaml: the national ones)
            String family = lib.families().unrecognisedFamily(fin ? "决算" : "预算");
            profileId = lib.profileFor(family, year).orElseThrow(() ->
                    new InputException(fileName, 1, "模板", "无法识别文档所用的模板，也没有模板系列 " + family + " 的模板（refdata/templates.yaml 的 unrecognised）(no profile fits)"));
            notes.add("未能识别文档所用的地区模板，按" + lib.profile(profileId).name() + "读取各表（模板 " + profileId + "）");
        }
        TemplateProfile profile = lib.profile(profileId);
        boolean proven = profile.meta().detect().proven();
        // a year without its own profile is read by the latest earlier one, and says so
        if (recognition.recognised() && profile.year() != year) notes.add(year + "年没有自己的模板，按 " + profileId + " 读取");
        ReferenceData ref = lib.year(year);
        AgencyKind kind = "单位".equals(recognition.agencyKind()) ? AgencyKind.UNIT : AgencyKind.DEPARTMENT;
        String unit = unitName(lines, profile);
        if (unit == null) throw new InputException(fileName, 1, "单位名称", "找不到单位名称（“单位名称：”“部门名称：”等，或封面上的“20xx年……" + (fin ? "决算" : "预算") + "”）");
        ShapeReader.Result r = ShapeReader.read(lines, squeezed, source, profile, ref, unit, kind, year);
        notes.addAll(r.notes());
        if (r.tables().isEmpty()) throw new InputException(fileName, 1, "表", fin
                ? "识别为部门决算文档，但按决算模板 " + profileId + " 找不到任何决算公开表（收入支出决算总表等）——版式无法识别"
                : "按模板 " + profileId + " 找不到任何公开表——版式无法识别");
        if (!proven) notes.add("此模板的表格按模板结构读取，尚在完善：错误提示请对照原页核实，可能是误读而非文档本身的差错");
        Disclosure d = new Disclosure(unit, kind, year, profileId, r.tables(), fileName);
        if (fin) {
            // a 决算's text: its headings, dates and every statement against the 年初预算 or the year before by the 决算
            // reader's sentence patterns, and the amounts the profile's outline states by its sentences, compiled
            DocumentText stated = FinalTextReader.read(lines, profile.text());
            List<TextFact> facts = new ArrayList<>(stated.facts());
            facts.addAll(finalOutline(lines, d, profile, ref, notes));
            facts.addAll(finalNarrative(lines, profile, kind));
            d = d.withText(new DocumentText(Overview.EMPTY, List.of(), facts, List.of(), List.of(), "", "", profile.text().amountUnit()));
        } else if (readsInFull(profile)) {
            // read: full — every block by its kind: shares, changes, lists, reasons, projects, staffing besides the amounts
            List<String> clean = new ArrayList<>(lines.size());
            for (String l : lines) clean.add(PublishedTextReader.clean(l));
            try {
                d = d.withText(new TextFactReader(profile, ref, kind, unit, r.tables(), notes).read(clean, r.firstTable()));
            } catch (org.openbudget.io.guard.ReadGuard.Stop e) {
                throw e;
            } catch (RuntimeException e) {
                String id = org.openbudget.io.guard.FailureLog.log(fileName, "the text part", e);
                notes.add("第一部分/第三部分：无法读取文字部分（记录编号 " + id + "），只有表格");
            }
        } else {
            d = d.withText(text(lines, d, profile, ref, notes));
        }
        return new PublishedTextReader.Result(d, new ArrayList<>(notes), null, r.places());
    }

    /** A section heading of a 决算's 说明: "七、…" (its numeral). */
    private static final Pattern FINAL_SECTION = Pattern.compile("^([一二三四五六七八九十]{1,3})、");

    /**
     * What the narrative blocks of the profile's outline state in a 决算's 说明 — the “三公” details (团组, 人次, 车辆购置数,
     * 保有量, 接待批次/人次), 政府采购 and 国有资产占用 — read sentence by sentence in the block's own section by the block's
     * declared statements (refdata/measures.yaml {@code statements:}, compiled by {@link org.openbudget.core.text.NarrativeStatements}):
     * the facts the writer records for them (fa.tpe.*, proc.*, assets.*), each at the line its sentence starts on.
     */
    static List<TextFact> finalNarrative(List<String> lines, TemplateProfile profile, AgencyKind kind) {
        if (profile.text().outline().isEmpty()) return List.of();
        int[] range = explanation(lines, profile.text().parts());
        if (range == null) return List.of();
        int from = range[0], to = range[1];
        // the sentences of each section (by its numeral), each with the line it starts on
        java.util.Map<String, List<java.util.Map.Entry<Integer, String>>> sentences = new java.util.HashMap<>();
        String section = "";
        StringBuilder sentence = new StringBuilder();
        int startLine = -1;
        for (int i = from + 1; i < to; i++) {
            String l = PublishedTextReader.clean(lines.get(i)).replaceAll("[\\s\u3000]+", "");
            Matcher h = FINAL_SECTION.matcher(l);
            if (h.find() && l.length() < 40) {
                section = h.group(1);
                sentence.setLength(0);
                continue;
            }
            for (int k = 0; k < l.length(); k++) {
                if (sentence.length() == 0) startLine = i;
                sentence.append(l.charAt(k));
                if (l.charAt(k) == '。') {
                    sentences.computeIfAbsent(section, x -> new ArrayList<>()).add(java.util.Map.entry(startLine, sentence.toString()));
                    sentence.setLength(0);
                }
            }
        }
        if (sentence.length() > 0) sentences.computeIfAbsent(section, x -> new ArrayList<>()).add(java.util.Map.entry(startLine, sentence.toString()));
        List<TextFact> out = new ArrayList<>();
        for (org.openbudget.core.profile.TextOutline.Section s : profile.text().outline().sections()) {
            for (org.openbudget.core.profile.TextOutline.Block b : s.blocks()) {
                if (!List.of("three_public", "procurement", "assets").contains(b.kind())) continue;
                org.openbudget.core.text.NarrativeStatements read = org.openbudget.core.text.NarrativeStatements.compile(profile, kind.label(), b);
                if (read.isEmpty()) continue;
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (var e : sentences.getOrDefault(s.number(), List.of())) {
                    for (TextFact f : read.read(s.number(), "", e.getValue(), e.getValue())) {
                        // each statement once: the first sentence that states it
                        if (!seen.add(f.key() + "/" + f.kind()) || !checked(f)) continue;
                        out.add(new TextFact(f.section(), f.part(), f.key(), f.subject(), f.kind(), f.value(), f.word(), f.reason(), f.items(),
                                FinalTextReader.source(e.getKey()), f.sentence()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether a check holds this narrative fact of a 决算 (the others — a building's value, the furniture's — nothing else in
     * the document states, so they are left unread): the “三公” counts (FT.tpe-detail), the 政府采购 amounts
     * (text.procurement) and the vehicle counts (text.vehicles).
     */
    private static boolean checked(TextFact f) {
        return f.key().startsWith("fa.tpe.") || f.key().startsWith("proc.")
                || f.key().startsWith("assets.vehicle") && !f.key().startsWith("assets.purchase") && f.kind() == org.openbudget.core.disclosure.text.FactKind.COUNT;
    }

    /**
     * The amounts a 决算's 情况说明 (from its last 第三部分 heading to 第四部分) states by the sentences of the profile's
     * outline, compiled ({@link OutlinePatterns}), that a table of the document prints the money of (the text-measure
     * check holds each to that cell); the others are left to the 决算 reader's own patterns. Each fact's source is the
     * line its amount is printed on.
     */
    static List<TextFact> finalOutline(List<String> lines, Disclosure d, TemplateProfile profile, ReferenceData ref, List<String> notes) {
        if (profile.text().outline().isEmpty()) return List.of();
        int[] range = explanation(lines, profile.text().parts());
        if (range == null) return List.of();
        int from = range[0], to = range[1];
        List<String> body = new ArrayList<>(lines.subList(from, to));
        for (int i = 0; i < body.size(); i++) body.set(i, PublishedTextReader.clean(body.get(i)).replace('\t', ' '));
        OutlinePatterns patterns = OutlinePatterns.compile(profile.text(), d.unitName(), d.kind().label(), d.year());
        java.util.Map<String, String> measures = profile.text().outline().measuresByKey();
        MoneyCells.Index cells = new MoneyCells.Index(d, profile, ref.sources());
        List<TextFact> out = new ArrayList<>();
        for (OutlinePatterns.Located l : patterns.readLocated(String.join("\n", body))) {
            TextFact f = l.fact();
            String measure = measures.get(f.key());
            if (measure == null || cells.cell(measure).isEmpty()) continue;
            out.add(new TextFact(f.section(), f.part(), f.key(), f.subject(), f.kind(), f.value(), f.word(), f.reason(), f.items(),
                    FinalTextReader.source(from + l.line()), f.sentence()));
        }
        notes.add("决算的文字部分（情况说明）：标题与日期的年度和单位、收入支出总计、与年初预算和上年的比较（大于/小于/持平、完成率、增减）按决算句式读出，"
                + "另按模板 " + profile.id() + " 的文字大纲读出 " + out.size() + " 个与表中印出同一度量之数核对的金额");
        return out;
    }

    /** Whether the profile's text is read back in full, block by block ({@code text.read: full}). */
    static boolean readsInFull(TemplateProfile profile) {
        return profile.text().outline().readInFull();
    }

    /**
     * The amounts the document's text (情况说明) states, read by the profile's outline: its sentence patterns,
     * compiled ({@link OutlinePatterns}); each is then checked against the cell of its measure (text-measure).
     */
    static DocumentText text(List<String> lines, Disclosure d, TemplateProfile profile, ReferenceData ref, List<String> notes) {
        if (profile.text().outline().isEmpty()) {
            notes.add("此模板没有文字大纲，文字部分（情况说明）不核对，只核对各表");
            return DocumentText.EMPTY;
        }
        List<TextFact> facts = OutlinePatterns.compile(profile.text(), d.unitName(), d.kind().label(), d.year()).read(String.join("\n", lines));
        // how many of them a table prints the money of (the others cannot be checked: their table was not read)
        java.util.Map<String, String> measures = profile.text().outline().measuresByKey();
        MoneyCells.Index cells = new MoneyCells.Index(d, profile, ref.sources());
        long comparable = facts.stream().filter(f -> measures.containsKey(f.key()) && cells.cell(measures.get(f.key())).isPresent()).count();
        notes.add("文字部分（情况说明）按模板 " + profile.id() + " 的文字大纲读出 " + facts.size() + " 个金额，其中 " + comparable
                + " 个与表中印出同一度量之数核对");
        if (facts.isEmpty()) return DocumentText.EMPTY;
        return new DocumentText(Overview.EMPTY, List.of(), facts, List.of(), List.of(), "", "", profile.text().amountUnit());
    }

    /** The unit's name: after its label on a table's unit line, else from the cover's "20xx年……预算". */
    static String unitName(List<String> lines, TemplateProfile profile) {
        List<String> labels = new ArrayList<>();
        if (!profile.meta().unitLabel().isBlank()) labels.add(profile.meta().unitLabel());
        labels.addAll(UNIT_LABELS);
        for (String l : lines) {
            String t = l.replace('\u3000', ' ').trim();
            for (String label : labels) {
                int i = t.indexOf(label);
                if (i < 0) continue;
                int colon = i + label.length();
                if (colon >= t.length() || (t.charAt(colon) != '：' && t.charAt(colon) != ':')) continue;
                String rest = t.substring(colon + 1).trim();
                int end = rest.length();
                for (String stop : List.of("单位：", "单位:", "金额单位", "  ", "\t")) {
                    int k = rest.indexOf(stop);
                    if (k >= 0 && k < end) end = k;
                }
                Matcher next = NEXT_LABEL.matcher(rest);
                if (next.find() && next.start() < end) end = next.start();
                String name = rest.substring(0, end).trim();
                if (!name.isEmpty()) return name;
            }
        }
        for (int n = 0; n < Math.min(lines.size(), 40); n++) {
            String t = lines.get(n).replaceAll("\\s", "");
            if (COVER_YEAR_ONLY.matcher(t).matches()) {
                // the unit's name above, perhaps wrapped over two or three lines ("上海市普陀区规划和自然" / "资源局")
                StringBuilder name = new StringBuilder();
                int parts = 0;
                for (int k = n - 1; k >= 0 && parts < 3; k--) {
                    String above = lines.get(k).replaceAll("\\s", "");
                    if (above.isEmpty()) continue;
                    if (above.matches(".*\\d.*") || name.length() + above.length() > 60) break;
                    name.insert(0, above);
                    parts++;
                }
                if (name.length() >= 2) return name.toString();
                continue;
            }
            // the unit before the year first: "上海市普陀区财政局2024年度部门决算" (COVER would take the year into the name)
            Matcher u = COVER_UNIT_FIRST.matcher(t);
            if (u.matches()) return u.group(1);
            Matcher m = COVER.matcher(t);
            if (m.matches()) return m.group(2);
            Matcher part = PART_HEADING.matcher(t);
            if (part.matches()) return part.group(2);
        }
        // the profile's own part headings that name the unit ("第二部分 {unit}{year}年度{kind}决算表")
        List<Pattern> own = profile.text().parts().naming();
        for (int n = 0; n < Math.min(lines.size(), 40) && !own.isEmpty(); n++) {
            String t = lines.get(n).replaceAll("\\s", "");
            for (Pattern p : own) {
                Matcher m = p.matcher(t);
                if (m.matches()) return m.group("unit");
            }
        }
        return null;
    }

    /**
     * The 决算's 情况说明: from its last 第三部分 heading to the 第四部分 after it (or the end); null without a 第三部分 —
     * the parts found by the words their headings start with in the profile (text.parts).
     */
    static int[] explanation(List<String> lines, org.openbudget.core.profile.TextTemplate.Parts parts) {
        String explanation = parts.explanationMark(), glossary = parts.glossaryMark();
        int from = -1, to = lines.size();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).replaceAll("\\s", "").startsWith(explanation)) from = i;
        if (from < 0) return null;
        for (int i = from + 1; i < lines.size(); i++) {
            if (lines.get(i).replaceAll("\\s", "").startsWith(glossary)) {
                to = i;
                break;
            }
        }
        return new int[] {from, to};
    }
}
