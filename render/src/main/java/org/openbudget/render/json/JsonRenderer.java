package org.openbudget.render.json;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openbudget.core.disclosure.text.DocumentText;
import org.openbudget.core.disclosure.text.Overview;
import org.openbudget.core.disclosure.text.PerformanceTable;
import org.openbudget.core.disclosure.text.Section;
import org.openbudget.core.disclosure.text.Staffing;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.io.json.DisclosureJson;
import org.openbudget.render.Format;
import org.openbudget.render.Renderer;
import org.openbudget.render.layout.DocumentView;

/**
 * JSON: exactly the {@code tables --json} shape ({@link DisclosureJson}) plus a {@code text} member:
 * <pre>
 * "text": {"overview": {"functions": [...], "subordinate_units": [...], "offices": [...],
 *                       "staffing": {"authorized", "actual", "active", "active_change", "retired",
 *                                    "retired_change", "honorary_retired", "honorary_retired_change"} | null},
 *          "sections": [{"numeral", "title", "paragraphs": [...]}],
 *          "facts": [{"section", "part", "key", "subject", "kind", "value", "word", "reason", "items", "source", "sentence"}],
 *          "performance": [{"kind", "unit", "project_code", "project", "manager", "total", "fiscal", "other", "goal",
 *                           "indicators": [{"level1", "level2", "level3", "target", "basis", "last_year", "weight",
 *                                           "scoring_rule", "evidence"}]}],
 *          "glossary": [{"term", "definition"}],
 *          "closing": {"name", "date"}}
 * </pre>
 * Amounts are strings as printed (two decimals for 万元, no separators), like the tables.
 */
public final class JsonRenderer implements Renderer {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Format format() { return Format.JSON; }

    @Override
    public void write(DocumentView view, OutputStream out) throws IOException {
        ObjectNode root = DisclosureJson.tree(view.disclosure());
        root.set("text", text(view.disclosure().text()));
        MAPPER.writeValue(new NonClosing(out), root);
    }

    public static ObjectNode text(DocumentText t) {
        ObjectNode o = MAPPER.createObjectNode();
        Overview ov = t.overview();
        ObjectNode ovn = o.putObject("overview");
        strings(ovn.putArray("functions"), ov.functions());
        strings(ovn.putArray("subordinate_units"), ov.subordinateUnits());
        strings(ovn.putArray("offices"), ov.offices());
        Staffing s = ov.staffing();
        if (s == null) ovn.putNull("staffing");
        else {
            ObjectNode sn = ovn.putObject("staffing");
            num(sn, "authorized", s.authorized());
            num(sn, "actual", s.actual());
            num(sn, "active", s.active());
            num(sn, "active_change", s.activeChange());
            num(sn, "retired", s.retired());
            num(sn, "retired_change", s.retiredChange());
            num(sn, "honorary_retired", s.honoraryRetired());
            num(sn, "honorary_retired_change", s.honoraryRetiredChange());
        }
        ArrayNode secs = o.putArray("sections");
        for (Section sec : t.sections()) {
            ObjectNode n = secs.addObject();
            n.put("numeral", sec.numeral());
            n.put("title", sec.title());
            strings(n.putArray("paragraphs"), sec.paragraphs());
        }
        ArrayNode facts = o.putArray("facts");
        for (TextFact f : t.facts()) {
            ObjectNode n = facts.addObject();
            n.put("section", f.section());
            n.put("part", f.part());
            n.put("key", f.key());
            n.put("subject", f.subject());
            n.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
            dec(n, "value", f.value());
            n.put("word", f.word());
            n.put("reason", f.reason());
            strings(n.putArray("items"), f.items());
            n.put("source", f.source());
            n.put("sentence", f.sentence());
        }
        ArrayNode perf = o.putArray("performance");
        for (PerformanceTable p : t.performance()) {
            ObjectNode n = perf.addObject();
            n.put("kind", p.kind());
            n.put("unit", p.unitName());
            n.put("project_code", p.projectCode());
            n.put("project", p.projectName());
            n.put("manager", p.manager());
            dec(n, "total", p.total());
            dec(n, "fiscal", p.fiscal());
            dec(n, "other", p.other());
            n.put("goal", p.goal());
            ArrayNode ind = n.putArray("indicators");
            for (PerformanceTable.Indicator i : p.indicators()) {
                ObjectNode in = ind.addObject();
                in.put("level1", i.level1());
                in.put("level2", i.level2());
                in.put("level3", i.level3());
                in.put("target", i.target());
                in.put("basis", i.basis());
                in.put("last_year", i.lastYear());
                dec(in, "weight", i.weight());
                in.put("scoring_rule", i.scoringRule());
                in.put("evidence", i.evidence());
            }
        }
        ArrayNode gl = o.putArray("glossary");
        for (DocumentText.GlossaryEntry e : t.glossary()) {
            ObjectNode n = gl.addObject();
            n.put("term", e.term());
            n.put("definition", e.definition());
        }
        ObjectNode closing = o.putObject("closing");
        closing.put("name", t.closingName());
        closing.put("date", t.closingDate());
        return o;
    }

    private static void strings(ArrayNode a, java.util.List<String> values) {
        values.forEach(a::add);
    }

    private static void num(ObjectNode n, String k, Integer v) {
        if (v == null) n.putNull(k); else n.put(k, v);
    }

    private static void dec(ObjectNode n, String k, BigDecimal v) {
        if (v == null) n.putNull(k); else n.put(k, v.toPlainString());
    }

    /** Jackson closes the stream it writes to; the caller owns it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) { super(out); }

        @Override
        public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

        @Override
        public void close() throws IOException { flush(); }
    }
}
