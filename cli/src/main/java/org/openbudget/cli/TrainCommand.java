package org.openbudget.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.openbudget.io.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./budget cds-train DATASET} (hidden): what {@code ./budget} runs once per build to record the classes
 * a one-shot command loads into its class-data-sharing archive. It runs the commands a person runs on one
 * document — check, text, render (every format), workbook, audit of the PDF, of the OFD and of the text, with
 * --json, and compare when the dataset's 决算 is given — on a dataset, in one JVM and in a temporary folder it removes, so that the archive serves every one of them,
 * whichever a person happens to run first after a build. Its output is discarded; it exits 0 when each step
 * ran (a finding is no failure), else the worst step's code (2 bad input, 3 internal).
 */
@Command(name = "cds-train", hidden = true, description = "为快速启动记录常用命令加载的类（./budget 每次构建后自动运行一次） (record the classes one-shot commands load; run by ./budget once per build)")
final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATASET", description = "数据集目录 (a dataset directory, e.g. examples/urumqi-industry-it-bureau-2024)")
    Path dataset;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FINAL", description = "同一单位同年度的决算数据集（可选，用于 compare） (its final accounts, for compare)")
    Path finalAccounts;

    @Option(names = "--part", paramLabel = "all|documents|audit", defaultValue = "all", description = "all（默认）；documents：审核以外的命令，生成的文件留在 --keep；audit：审核 --keep 中的文件并比较 (documents: the commands other than audit, leaving their files in --keep; audit: audit and compare those files)")
    String part;

    @Option(names = "--keep", paramLabel = "DIR", description = "生成的文件所在目录（--part documents 写入，--part audit 读取） (where the rendered files are kept)")
    Path keep;

    @Override
    public Integer call() throws IOException {
        if (!part.equals("all") && !part.equals("documents") && !part.equals("audit")) {
            throw new InputException("cds-train", 0, "--part", "应为 all、documents 或 audit (expected all, documents or audit)");
        }
        if (!part.equals("all") && keep == null) throw new InputException("cds-train", 0, "--keep", "--part " + part + " 需要 --keep DIR");
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("budget-train");
        try {
            int worst = 0;
            if (!part.equals("audit")) worst = Math.max(worst, documents(dir));
            if (!part.equals("documents")) worst = Math.max(worst, audits(dir));
            return worst >= BudgetCli.BAD_INPUT ? worst : BudgetCli.OK;   // findings are no failure
        } finally {
            if (keep == null) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Every one-shot command but audit on the dataset (and its 决算): the documents rendered into {@code dir}. */
    private int documents(Path dir) throws IOException {
        String ds = dataset.toString();
        List<String[]> steps = new ArrayList<>();
        steps.add(new String[] {"check", ds});
        steps.add(new String[] {"tables", ds});
        steps.add(new String[] {"render", ds, "--out", dir.toString(), "--format", "pdf,docx,xlsx,html,json,ofd"});
        steps.add(new String[] {"workbook", "--from", ds, "--out", dir.resolve("workbook.xlsx").toString()});
        if (finalAccounts != null) {
            steps.add(new String[] {"compare", ds, finalAccounts.toString()});
            steps.add(new String[] {"render", finalAccounts.toString(), "--out", dir.resolve(FINAL).toString(), "--format", "pdf"});
        }
        int worst = 0;
        for (String[] s : steps) worst = Math.max(worst, quietly(s));
        StringWriter t = new StringWriter();
        worst = Math.max(worst, BudgetCli.execute(new String[] {"text", ds}, new PrintWriter(t), discard()));
        Files.writeString(dir.resolve("document.txt"), t.toString(), StandardCharsets.UTF_8);
        return worst;
    }

    /** The audit of each document in {@code dir} (PDF, OFD, text; with --json), and the comparison of the two PDFs. */
    private int audits(Path dir) throws IOException {
        int worst = 0;
        Path budgetPdf = null;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".pdf") || name.endsWith(".ofd")) {
                    if (name.endsWith(".pdf")) budgetPdf = f;
                    worst = Math.max(worst, quietly(new String[] {"audit", f.toString()}));
                    worst = Math.max(worst, quietly(new String[] {"audit", f.toString(), "--json"}));
                } else if (name.endsWith(".txt")) {
                    quietly(new String[] {"audit", f.toString()});   // the text part alone has no tables: read, then refused
                }
            }
        }
        Path finals = dir.resolve(FINAL);
        if (budgetPdf != null && Files.isDirectory(finals)) {
            try (Stream<Path> files = Files.list(finals)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList()) {
                    worst = Math.max(worst, quietly(new String[] {"compare", budgetPdf.toString(), f.toString()}));
                }
            }
        }
        return worst;
    }

    /** Where the 决算's PDF is rendered, beside the budget's documents. */
    private static final String FINAL = "final";

    /** As {@code ./budget ARGS} runs it ({@link BudgetCli#main}): readied on the spare core, then executed. */
    private static int quietly(String[] args) {
        BudgetCli.warmUp(args);
        return BudgetCli.execute(args, discard(), discard());
    }

    private static PrintWriter discard() {
        return new PrintWriter(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    }
}
