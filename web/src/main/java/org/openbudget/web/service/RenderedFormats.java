package org.openbudget.web.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.openbudget.render.Format;
import org.openbudget.render.Renderers;
import org.openbudget.render.layout.DocumentView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The renderers of module render/ as publication formats: the document as HTML, PDF, Word, Excel, JSON and OFD (版式文档,
 * the archives' format; {@code budget.publish.ofd=false} leaves it out).
 */
@Configuration
public class RenderedFormats {

    /** One render/ format. */
    public record Rendered(Format renderFormat, String label, String mediaType) implements DocumentFormat {
        @Override public String format() { return renderFormat.extension(); }
        @Override public String extension() { return renderFormat.extension(); }

        @Override
        public byte[] render(Input in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
            try {
                Renderers.of(renderFormat).write(new DocumentView(in.disclosure(), in.profile()), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }

    @Bean @Order(1) public DocumentFormat html() { return new Rendered(Format.HTML, "网页 (HTML)", "text/html;charset=UTF-8"); }
    @Bean @Order(2) public DocumentFormat pdf() { return new Rendered(Format.PDF, "PDF", "application/pdf"); }
    @Bean @Order(3) public DocumentFormat docx() { return new Rendered(Format.DOCX, "Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"); }
    @Bean @Order(4) public DocumentFormat xlsx() { return new Rendered(Format.XLSX, "Excel (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"); }
    @Bean @Order(5) public DocumentFormat json() { return new Rendered(Format.JSON, "数据 (JSON)", "application/json"); }
    @Bean @Order(7) @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "budget.publish.ofd", havingValue = "true", matchIfMissing = true)
    public DocumentFormat ofd() { return new Rendered(Format.OFD, "OFD 版式文档", "application/ofd"); }
}
