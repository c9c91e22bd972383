package org.openbudget.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.openbudget.io.Workspace;
import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.render.Format;
import org.openbudget.render.Renderer;
import org.openbudget.render.Renderers;
import org.openbudget.render.layout.DocumentView;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Rendering throughput, JVM warm: for each format, and for the whole package (every format of one
 * document), documents per second and milliseconds per document, on one thread. The documents are
 * the datasets given (default: every dataset under ./examples), each laid out once per rendering
 * (the layout is part of the work timed), written to memory.
 */
@Command(name = "bench-render", description = "基准测试：公开文件生成速度 (rendering throughput per format and for all formats, JVM warm)")
final class BenchRenderCommand implements Callable<Integer> {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "数据集 (datasets; default: every directory of ./examples holding dataset.yaml)")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--docs", defaultValue = "60", description = "每种格式计时的文件数 (documents timed per format, default ${DEFAULT-VALUE})")
    int docs;

    @Option(names = "--warmup", defaultValue = "30", description = "预热文件数 (documents rendered per format before timing, default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--format", defaultValue = "pdf,docx,xlsx,html,json,ofd", description = "格式 (default ${DEFAULT-VALUE})")
    String formats;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        if (paths.isEmpty()) {
            Path ex = Path.of("examples");
            if (Files.isDirectory(ex)) {
                try (Stream<Path> s = Files.list(ex)) {
                    s.filter(p -> Files.isRegularFile(p.resolve("dataset.yaml"))).sorted().forEach(paths::add);
                }
            }
            if (paths.isEmpty()) {
                spec.commandLine().getErr().println("输入有误 (bad input): no dataset given and no ./examples/*/dataset.yaml");
                return BudgetCli.BAD_INPUT;
            }
        }
        EnumSet<Format> fs;
        try {
            fs = EnumSet.copyOf(Format.parseList(formats));
            if (fs.contains(Format.FDP)) throw new IllegalArgumentException("fdp is the ledger's open data, not a rendering of the document; expected some of pdf,docx,xlsx,html,json,ofd");
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("输入有误 (bad input): --format: " + e.getMessage());
            return BudgetCli.BAD_INPUT;
        }
        Workspace ws = new Workspace(ReferenceLibrary.standard());
        List<Workspace.Loaded> loaded = new ArrayList<>();
        for (Path p : paths) loaded.add(ws.load(p));
        out.printf("documents: %d (%s), text parts: %s%n", loaded.size(),
                String.join(", ", loaded.stream().map(l -> l.disclosure().unitName()).toList()),
                loaded.stream().allMatch(l -> l.disclosure().text().isEmpty()) ? "none (tables only)" : "present");
        double load0 = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.printf("%-6s %12s %12s %10s %12s%n", "format", "cpu ms/doc", "wall ms/doc", "docs/s", "avg bytes");
        double total = 0;
        for (Format f : fs) {
            Renderer r = Renderers.of(f);
            run(List.of(r), loaded, warmup);
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long bytes = run(List.of(r), loaded, docs);
            double ms = (System.nanoTime() - t0) / 1e6 / docs;
            double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e6 / docs;
            total += cpu;
            out.printf("%-6s %12.1f %12.1f %10.1f %12d%n", f.extension(), cpu, ms, 1000 / cpu, bytes / docs);
        }
        List<Renderer> all = fs.stream().map(Renderers::of).toList();
        run(all, loaded, Math.max(1, warmup / 3));
        long c0 = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        run(all, loaded, docs);
        double ms = (System.nanoTime() - t0) / 1e6 / docs;
        double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e6 / docs;
        out.printf("%-6s %12.1f %12.1f %10.1f   (every format of one document; sum of the rows above: %.1f ms)%n", "all", cpu, ms, 1000 / cpu, total);
        out.printf("docs/s from the CPU time of the rendering thread (the machine may be shared: wall time also counts waiting for a core)%n");
        out.printf("target: under 100 ms per unit for all formats together — %s%n", cpu < 100 ? "met" : "NOT met");
        out.printf("JVM: %s, %d cores, max heap %d MB; load average %.1f at the start, %.1f at the end%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576, load0,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return BudgetCli.OK;
    }

    /** Renders n documents (cycling through the loaded ones) with the given renderers; returns the bytes written. */
    private static long run(List<Renderer> renderers, List<Workspace.Loaded> loaded, int n) {
        long bytes = 0;
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 20);
        for (int i = 0; i < n; i++) {
            Workspace.Loaded l = loaded.get(i % loaded.size());
            DocumentView v = new DocumentView(l.disclosure(), l.profile());
            for (Renderer r : renderers) {
                buf.reset();
                try {
                    r.write(v, buf);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                bytes += buf.size();
            }
        }
        return bytes;
    }
}
