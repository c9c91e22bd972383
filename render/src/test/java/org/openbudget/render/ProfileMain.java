package org.openbudget.render;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;

import org.openbudget.render.layout.DocumentView;

/** For profiling (not a test): renders one format of the examples in a loop, prints CPU ms per document of the second half. Args: format count. */
public final class ProfileMain {
    public static void main(String[] args) throws Exception {
        Format f = Format.valueOf(args[0]);
        int n = Integer.parseInt(args[1]);
        Renderer r = Renderers.of(f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var cpu = ManagementFactory.getThreadMXBean();
        long c0 = 0;
        for (int i = 0; i < n; i++) {
            if (i == n / 2) c0 = cpu.getCurrentThreadCpuTime();
            Rendered.Doc d = Rendered.doc(Fixtures.EXAMPLES.get(i % 3), false);
            out.reset();
            r.write(new DocumentView(d.disclosure(), d.loaded().profile()), out);
        }
        System.out.printf("%s %.1f cpu ms/doc%n", f, (cpu.getCurrentThreadCpuTime() - c0) / 1e6 / (n - n / 2));
    }
}
