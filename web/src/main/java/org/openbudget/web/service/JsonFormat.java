package org.openbudget.web.service;

import java.nio.charset.StandardCharsets;

import org.openbudget.io.json.DisclosureJson;
import org.openbudget.io.json.FindingsJson;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The tables as JSON (io/json's shape, README "JSON shapes") with the document's findings. */
@Component
@Order(5)
public class JsonFormat implements DocumentFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override public String format() { return "json"; }
    @Override public String label() { return "数据 (JSON)"; }
    @Override public String mediaType() { return "application/json"; }
    @Override public String extension() { return "json"; }

    @Override
    public byte[] render(Input in) {
        ObjectNode root = DisclosureJson.tree(in.disclosure());
        root.set("findings", FindingsJson.array(in.findings()));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
