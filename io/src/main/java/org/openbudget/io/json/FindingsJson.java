package org.openbudget.io.json;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openbudget.core.check.Finding;

/**
 * The {@code check --json} shape: {"findings":[{"id","severity","table","code","project","column",
 * "section","expected","found","message"}]}.
 */
public final class FindingsJson {
    private FindingsJson() {}

    public static ArrayNode array(List<Finding> findings) {
        ArrayNode arr = DisclosureJson.MAPPER.createArrayNode();
        for (Finding f : findings) {
            ObjectNode o = arr.addObject();
            o.put("id", f.id());
            o.put("severity", f.severity().json());
            if (f.table() == null) o.putNull("table"); else o.put("table", f.table());
            o.put("code", f.code());
            o.put("project", f.project());
            o.put("column", f.column());
            if (f.section() == null) o.putNull("section"); else o.put("section", f.section());
            if (f.expected() == null) o.putNull("expected"); else o.put("expected", f.expected());
            if (f.found() == null) o.putNull("found"); else o.put("found", f.found());
            o.put("message", f.message());
        }
        return arr;
    }

    public static String write(List<Finding> findings) {
        ObjectNode root = DisclosureJson.MAPPER.createObjectNode();
        root.set("findings", array(findings));
        try {
            return DisclosureJson.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
