package org.openbudget.render;

import java.io.ByteArrayOutputStream;

import org.openbudget.render.layout.DocumentView;

/** For profiling (not a test): renders one format of the examples in a loop. Args: format count. */
public final class ProfileMain {
    public static void main(String[] args) throws Exception {
        Format f = Format.valueOf(args[0]);
        int n = Integer.parseInt(args[1]);
        Renderer r = Renderers.of(f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            Rendered.Doc d = Rendered.doc(Fixtures.EXAMPLES.get(i % 3), false);
            out.reset();
            r.write(new DocumentView(d.disclosure(), d.loaded().profile()), out);
        }
    }
}
