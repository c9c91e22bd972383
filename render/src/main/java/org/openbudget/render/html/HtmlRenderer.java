package org.openbudget.render.html;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.openbudget.render.Format;
import org.openbudget.render.Renderer;
import org.openbudget.render.layout.DocumentView;

/** HTML: one self-contained, accessible page (see {@link HtmlWriter}). */
public final class HtmlRenderer implements Renderer {
    private final HtmlWriter writer = new HtmlWriter();

    @Override
    public Format format() { return Format.HTML; }

    @Override
    public void write(DocumentView view, OutputStream out) throws IOException {
        out.write(writer.write(view).getBytes(StandardCharsets.UTF_8));
    }
}
