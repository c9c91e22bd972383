package org.openbudget.web.service;

import java.nio.charset.StandardCharsets;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** The document as one self-contained HTML page (the same layout the portal shows). */
@Component
@Order(1)
public class HtmlFormat implements DocumentFormat {
    private final TemplateEngine engine;

    public HtmlFormat(TemplateEngine engine) { this.engine = engine; }

    @Override public String format() { return "html"; }
    @Override public String label() { return "网页 (HTML)"; }
    @Override public String mediaType() { return "text/html;charset=UTF-8"; }
    @Override public String extension() { return "html"; }

    @Override
    public byte[] render(Input in) {
        return html(DocumentModel.of(in.disclosure(), in.profile().thousands())).getBytes(StandardCharsets.UTF_8);
    }

    public String html(DocumentModel doc) {
        Context c = new Context();
        c.setVariable("doc", doc);
        return engine.process("standalone", c);
    }
}
