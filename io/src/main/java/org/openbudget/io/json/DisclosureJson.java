package org.openbudget.io.json;

import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openbudget.core.disclosure.Disclosure;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.money.Amounts;

/**
 * The {@code tables --json} shape (other tools read it; keep it exact):
 * {"unit","year","kind","tables":[{"no","title","empty","empty_note","columns","rows":[{"side","code","name","project","values"}]}]}.
 * Values are printed amounts: strings with two decimals, no thousands separator; null for blank.
 */
public final class DisclosureJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DisclosureJson() {}

    public static ObjectNode tree(Disclosure d) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("unit", d.unitName());
        root.put("year", d.year());
        root.put("kind", d.kind().label());
        ArrayNode tables = root.putArray("tables");
        for (DisclosureTable t : d.tables()) tables.add(table(t));
        return root;
    }

    public static ObjectNode table(DisclosureTable t) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("no", t.no());
        o.put("title", t.title());
        o.put("empty", t.empty());
        if (t.emptyNote() == null) o.putNull("empty_note"); else o.put("empty_note", t.emptyNote());
        ArrayNode cols = o.putArray("columns");
        t.columns().forEach(cols::add);
        ArrayNode rows = o.putArray("rows");
        for (Row r : t.rows()) {
            ObjectNode ro = rows.addObject();
            if (r.side() == null) ro.putNull("side"); else ro.put("side", r.side().json());
            ro.put("code", r.code());
            ro.put("name", r.name());
            ro.put("project", r.project());
            ArrayNode vals = ro.putArray("values");
            for (int i = 0; i < t.columns().size(); i++) {
                BigDecimal v = r.value(i);
                if (v == null) vals.addNull(); else vals.add(Amounts.plain(v));
            }
        }
        return o;
    }

    public static String write(Disclosure d) {
        try {
            return MAPPER.writeValueAsString(tree(d));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
