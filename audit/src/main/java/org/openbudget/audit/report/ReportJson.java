package org.openbudget.audit.report;

import java.util.List;

import org.openbudget.audit.DocumentAudit;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.text.TextFact;
import org.openbudget.io.json.DisclosureJson;
import org.openbudget.io.json.FindingsJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The audit as JSON: the {@code tables --json} shape (unit, year, kind, tables) plus
 * {@code findings} in the {@code check --json} shape (each with its {@code evidence}: line, page,
 * text), {@code facts} (the text facts read, docs/text-facts.md), reader {@code notes}, the file,
 * its format and the {@code counts} by severity.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    public static ObjectNode tree(DocumentAudit.Result a) {
        ObjectNode root = DisclosureJson.tree(a.disclosure());
        root.put("file", a.file());
        root.put("format", a.format().name().toLowerCase());
        ObjectNode counts = root.putObject("counts");
        for (Severity s : Severity.values()) counts.put(s.json(), a.findings().stream().filter(f -> f.severity() == s).count());
        ArrayNode findings = FindingsJson.array(a.findings());
        List<Finding> fs = a.findings();
        for (int i = 0; i < fs.size(); i++) {
            Evidence e = Evidence.of(a, fs.get(i));
            ObjectNode o = (ObjectNode) findings.get(i);
            ObjectNode ev = o.putObject("evidence");
            ev.put("line", e.line());
            if (e.page() > 0) ev.put("page", e.page()); else ev.putNull("page");
            ev.put("text", e.text());
            if (e.box() != null) box(ev.putObject("box"), e.box());
        }
        // where every row was read: its page, line and box (a text: its line)
        ArrayNode tables = (ArrayNode) root.get("tables");
        List<org.openbudget.core.disclosure.DisclosureTable> ts = a.disclosure().tables();
        for (int i = 0; tables != null && i < tables.size() && i < ts.size(); i++) {
            ArrayNode rows = (ArrayNode) tables.get(i).get("rows");
            List<org.openbudget.core.disclosure.Row> rs = ts.get(i).rows();
            for (int j = 0; rows != null && j < rows.size() && j < rs.size(); j++) {
                org.openbudget.core.disclosure.Origin origin = rs.get(j).origin();
                if (origin == null) continue;
                ObjectNode o = ((ObjectNode) rows.get(j)).putObject("origin");
                if (origin.page() > 0) o.put("page", origin.page()); else o.putNull("page");
                o.put("line", origin.line());
                if (origin.box() != null) box(o.putObject("box"), origin.box());
            }
        }
        root.set("findings", findings);
        ArrayNode facts = root.putArray("facts");
        for (TextFact f : a.disclosure().text().facts()) {
            ObjectNode o = facts.addObject();
            o.put("section", f.section());
            o.put("part", f.part());
            o.put("key", f.key());
            o.put("subject", f.subject());
            o.put("kind", f.kind().name().toLowerCase());
            if (f.value() == null) o.putNull("value"); else o.put("value", f.value().toPlainString());
            o.put("word", f.word());
            o.put("reason", f.reason());
            ArrayNode items = o.putArray("items");
            f.items().forEach(items::add);
            o.put("sentence", f.sentence());
        }
        ArrayNode notes = root.putArray("notes");
        a.notes().forEach(notes::add);
        return root;
    }

    /** A box in points on the page, from its top-left corner, to two decimals. */
    private static void box(ObjectNode o, org.openbudget.core.disclosure.Origin.Box b) {
        o.put("x", round(b.x()));
        o.put("y", round(b.y()));
        o.put("width", round(b.width()));
        o.put("height", round(b.height()));
    }

    private static java.math.BigDecimal round(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    public static String write(DocumentAudit.Result a) {
        try {
            return MAPPER.writeValueAsString(tree(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
