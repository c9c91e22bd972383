package org.openbudget.web.service;

import java.nio.charset.StandardCharsets;

import org.openbudget.io.json.FindingsJson;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The document's findings at publication (the check catalogue's result) as JSON. */
@Component
@Order(8)
public class ChecksFormat implements DocumentFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override public String format() { return "checks"; }
    @Override public String label() { return "审核结果 (JSON)"; }
    @Override public String mediaType() { return "application/json"; }
    @Override public String extension() { return "json"; }

    @Override
    public byte[] render(Input in) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("unit", in.disclosure().unitName());
        root.put("year", in.disclosure().year());
        root.set("findings", FindingsJson.array(in.findings()));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
