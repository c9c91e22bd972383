package org.openbudget.render;

import java.io.IOException;
import java.io.OutputStream;

import org.openbudget.render.layout.DocumentView;

/** Writes a document in one format. Renderers hold no per-document state and may be reused. */
public interface Renderer {
    Format format();

    void write(DocumentView view, OutputStream out) throws IOException;
}
