package org.openbudget.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.openbudget.audit.DocumentAudit;
import org.openbudget.audit.pdf.PdfLayout;
import org.openbudget.io.InputException;
import org.openbudget.io.refdata.ReferenceLibrary;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./budget bench-audit [FILE...]}: audit time per document, JVM warm — read (PDF: rebuild
 * the text from glyphs and ruling lines), parse the tables, run every check. Without files it
 * uses the three published example texts (../shared/examples) and the PDF fixtures under
 * audit/src/test/resources/pdf, when run from the repository root.
 */
@Command(name = "bench-audit", description = "基准测试：审核一份公开文档（文本或 PDF）所需时间（JVM 预热后）(audit time per document, text and PDF, JVM warm)")
final class BenchAuditCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "文档（文本或 PDF）(documents; default: the examples and the PDF fixtures)")
    List<Path> files = new ArrayList<>();

    @Option(names = "--warmup", defaultValue = "30", description = "每份文档的预热次数 (untimed runs per document, default ${DEFAULT-VALUE})") int warmup;
    @Option(names = "--rounds", defaultValue = "50", description = "每份文档的计时次数 (timed runs per document, default ${DEFAULT-VALUE})") int rounds;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (files.isEmpty()) files = defaults();
        if (files.isEmpty()) throw new InputException("bench-audit", 0, "FILE", "没有给出文档，也找不到默认文档（请在仓库根目录运行）(no documents given; run from the repository root)");
        ReferenceLibrary lib = ReferenceLibrary.standard();
        out.printf("%-62s %6s %6s %8s %9s %9s %9s %9s %9s %9s%n", "document", "format", "pages", "size KB", "cpu mean", "wall min", "wall med", "wall p90", "pdf text", "pdf cpu");
        for (Path f : files) {
            DocumentAudit.Result first = DocumentAudit.run(f, lib);
            boolean pdf = first.format() == DocumentAudit.Format.PDF;
            int pages = pdf ? PdfLayout.read(f.toFile()).pages() : 0;
            for (int i = 0; i < warmup; i++) DocumentAudit.run(f, lib);
            long[] total = new long[rounds];
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            // the process's CPU time is counted in clock ticks (10 ms): taken over all the rounds, as a mean
            long c0 = os.getProcessCpuTime();
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                DocumentAudit.run(f, lib);
                total[i] = System.nanoTime() - t0;
            }
            long cpu = (os.getProcessCpuTime() - c0) / rounds;
            long[] layout = new long[pdf ? rounds : 0];
            long layoutCpu = 0;
            if (pdf) {
                long c1 = os.getProcessCpuTime();
                for (int i = 0; i < rounds; i++) {
                    long t1 = System.nanoTime();
                    PdfLayout.read(f.toFile());
                    layout[i] = System.nanoTime() - t1;
                }
                layoutCpu = (os.getProcessCpuTime() - c1) / rounds;
            }
            Arrays.sort(total);
            Arrays.sort(layout);
            String name = f.getFileName().toString();
            out.printf("%-62s %6s %6s %8d %9.1f %9.1f %9.1f %9.1f %9s %9s%n", name.length() > 62 ? name.substring(0, 59) + "…" : name, pdf ? "pdf" : "text",
                    pdf ? String.valueOf(pages) : "-", Files.size(f) / 1024, ms(cpu), ms(total[0]), ms(total[rounds / 2]), ms(total[(int) (rounds * 0.9)]),
                    pdf ? String.format("%.1f", ms(layout[rounds / 2])) : "-", pdf ? String.format("%.1f", ms(layoutCpu)) : "-");
            out.flush();
        }
        out.printf("(ms; %d warm-up + %d timed runs each; whole audit = read + parse + every check; \"cpu mean\" = the process's CPU time over the timed runs%n"
                + " (all its threads: the audit reads in a worker thread), which a busy machine inflates far less than wall time; \"pdf text\" = median wall time rebuilding%n"
                + " the PDF's text, \"pdf cpu\" = its mean CPU time; load average %.1f, %d cores, max heap %d MB)%n",
                warmup, rounds, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        return BudgetCli.OK;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static List<Path> defaults() throws Exception {
        List<Path> out = new ArrayList<>();
        for (String name : List.of("urumqi-sme-center-2024", "urumqi-sci-tech-info-center-2024", "urumqi-industry-it-bureau-2024")) {
            Path p = Path.of("../shared/examples", name + ".txt");
            if (Files.exists(p)) out.add(p);
        }
        Path pdfs = Path.of("audit/src/test/resources/pdf");
        if (Files.isDirectory(pdfs)) {
            try (Stream<Path> s = Files.list(pdfs)) {
                s.filter(p -> p.toString().endsWith(".pdf")).sorted().forEach(out::add);
            }
        }
        return out;
    }
}
