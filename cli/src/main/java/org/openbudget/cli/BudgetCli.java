package org.openbudget.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.openbudget.audit.pdf.PdfReadAhead;
import org.openbudget.audit.pdf.PdfWarmUp;
import org.openbudget.audit.recognise.Recognizer;
import org.openbudget.core.check.Check;
import org.openbudget.core.check.Finding;
import org.openbudget.core.check.Severity;
import org.openbudget.core.disclosure.DisclosureTable;
import org.openbudget.core.disclosure.Row;
import org.openbudget.core.money.Amounts;
import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;
import org.openbudget.io.Workspace;
import org.openbudget.io.guard.FailureLog;
import org.openbudget.io.json.DisclosureJson;
import org.openbudget.io.json.FindingsJson;
import org.openbudget.io.refdata.ReferenceLibrary;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./budget}: derive, check and benchmark budget disclosures. */
@Command(name = "budget", mixinStandardHelpOptions = true, version = "budget 0.1.0",
        description = "部门预算公开：从预算账本生成公开表并审核 (derive the disclosure tables from a budget ledger and check them)",
        // the subcommands are COMMANDS below: only the one a command line names is built (see execute)
        subcommands = {})
public final class BudgetCli implements Runnable {
    /**
     * The subcommands, one per line so that adding one never conflicts with another. A command line that names one
     * builds that one only: picocli reads every option of every command it is given by reflection, which at start-up
     * was a tenth of a one-file audit; help, a version request or an unknown name gets them all.
     */
    static final List<Class<?>> COMMANDS = List.of(
            BudgetCli.Tables.class,
            TextCommand.class,
            BudgetCli.CheckCmd.class,
            AuditCommand.class,
            CompareCommand.class,
            RenderCommand.class,
            WorkbookCommand.class,
            BudgetCli.Checks.class,
            BenchCommand.class,
            BenchRenderCommand.class,
            BenchAuditCommand.class,
            BenchDashboardCommand.class,
            ServeCommand.class,
            AdminCommand.class,
            LoadCommand.class,
            TrainCommand.class);
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The commands run once on a document (the launcher's quick start): the web's and the benches' are not among them. */
    static final java.util.Set<String> ONE_SHOT = java.util.Set.of("audit", "compare", "check", "tables", "text", "render", "workbook", "checks", "cds-train");

    public static void main(String[] args) {
        // Apache POI (Excel workbooks) logs through the Log4j API; without a provider it complains on stderr
        if (System.getProperty("log4j.provider") == null) System.setProperty("log4j.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
        // ... and what it says about a damaged workbook is for developers: into the log directory, not onto the terminal
        if (System.getProperty("org.apache.logging.log4j.simplelog.logFile") == null) {
            try {
                java.nio.file.Path dir = FailureLog.file().getParent();
                java.nio.file.Files.createDirectories(dir);
                System.setProperty("org.apache.logging.log4j.simplelog.logFile", dir.resolve("libraries-poi.log").toString());
            } catch (java.io.IOException | RuntimeException e) {
                System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
            }
        }
        // the PDF library's loggers stay idle until they have something to write (LibraryLogFactory): a command run
        // once on a document would otherwise start logback for messages it drops
        if (args.length > 0 && ONE_SHOT.contains(args[0]) && System.getProperty("logback.configurationFile") == null
                && System.getProperty(org.apache.commons.logging.LogFactory.FACTORY_PROPERTY) == null) {
            LibraryLogFactory.install();
        }
        try {
            warmUp(args);
        } catch (RuntimeException e) {
            // readying is best effort (an argument that is no path, say): the command reads its arguments itself
        }
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int rc;
        try {
            rc = execute(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8), err);
        } catch (Throwable t) {
            // an Error picocli lets through (out of memory outside a reading, say): never exit 1, which means "findings"
            rc = internal(t, err);
        }
        System.exit(rc);
    }

    /**
     * A command about to read published documents (audit, compare) readies on the second core what its
     * first steps need while this one parses the command line: the one PDF it names (or a comparison's two) read
     * ahead ({@link PdfReadAhead}: about a third of a cold one-file audit), else for many documents the PDF library's
     * classes and static tables ({@link PdfWarmUp}), and the templates'
     * signatures that recognise a document (the built-in library's, unless --refdata names another).
     * Nothing the command reads is touched; what is not ready when needed is made then, as without this.
     */
    static void warmUp(String[] args) {
        if (args.length < 2 || !(args[0].equals("audit") || args[0].equals("compare"))) return;
        if (Runtime.getRuntime().availableProcessors() < 2) return;
        boolean directory = false, refdata = false;
        List<Path> pdfs = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i].toLowerCase(java.util.Locale.ROOT);
            refdata |= a.equals("--refdata") || a.startsWith("--refdata=");
            if (a.startsWith("-")) continue;
            if (a.endsWith(".pdf")) pdfs.add(Path.of(args[i]));
            else directory |= java.nio.file.Files.isDirectory(Path.of(args[i]));
        }
        // one document (or a comparison's two): read it now; many: ready the library for them
        if (!directory && !pdfs.isEmpty() && pdfs.size() <= PdfReadAhead.MAX_FILES) pdfs.forEach(PdfReadAhead::start);
        else if (directory || !pdfs.isEmpty()) background("pdf-warm-up", PdfWarmUp::run);
        if (!refdata) {
            ReferenceLibrary lib = ReferenceLibrary.standard();
            RefdataOption.early = lib;
            prepareTemplates(lib);
        }
    }

    /**
     * The library's templates and their signatures read on a spare core; the command finds them ready, or reads
     * what is still missing, and says what is wrong with a broken one (nothing is reported from here). Then what every
     * audit reads after its pages whatever the document — the dictionary of measures, the latest year's classification
     * lists (a document of this year or the next is read with them) and the scoring rubric — so that the work after
     * the reading, on one core, does not wait for them.
     */
    static void prepareTemplates(ReferenceLibrary lib) {
        if (Runtime.getRuntime().availableProcessors() < 2) return;
        background("templates", () -> {
            Recognizer.prepare(lib);
            lib.measures();
            java.util.SortedSet<Integer> years = lib.years();
            if (!years.isEmpty()) lib.year(years.last());
            lib.rubric();
        });
    }

    /** Work that readies what a command will need: best effort, on a daemon thread; a failure is the command's to meet. */
    private static void background(String name, Runnable work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError e) {
                // the command does the same work again and reports what is wrong
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * A failure that is not the input's: exit 3 with a Chinese message and the incident number of
     * the log entry (its stack goes to the log file, not to the terminal; BUDGET_DEBUG prints it too).
     */
    static int internal(Throwable e, PrintWriter err) {
        String id = FailureLog.log("(command)", "running the command", e);
        if (e instanceof OutOfMemoryError) {
            err.println("内存不足，未能完成（可用 BUDGET_JAVA_OPTS=-Xmx… 增加内存；记录编号 " + id + "，日志 " + FailureLog.file() + "） (out of memory)");
        } else {
            err.println("内部错误，未能完成（记录编号 " + id + "，详情见日志 " + FailureLog.file() + "） (internal error)");
        }
        if (System.getenv("BUDGET_DEBUG") != null) e.printStackTrace(err);
        err.flush();
        return INTERNAL;
    }

    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new BudgetCli());
        Class<?> named = args.length == 0 ? null : COMMANDS.stream()
                .filter(c -> c.getAnnotation(Command.class).name().equals(args[0])).findFirst().orElse(null);
        // the version alone needs no command at all (every one built was a third of a second)
        boolean version = args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"));
        for (Class<?> c : named != null ? List.<Class<?>>of(named) : version ? List.<Class<?>>of() : COMMANDS) cl.addSubcommand(instance(c));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InputException ie) {
                err.println("输入有误 (bad input):");
                for (InputProblem p : ie.problems()) err.println("  " + p);
                return BAD_INPUT;
            }
            return internal(e, err);
        });
        cl.setParameterExceptionHandler((e, a) -> {
            err.println(e.getMessage());
            e.getCommandLine().usage(err);
            return BAD_INPUT;
        });
        int rc = cl.execute(args);
        out.flush();
        err.flush();
        return rc;
    }

    private static Object instance(Class<?> c) {
        try {
            var k = c.getDeclaredConstructor();
            k.setAccessible(true);
            return k.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make the command " + c.getName(), e);
        }
    }

    static abstract class DatasetCommand {
        @Parameters(index = "0", paramLabel = "PATH", description = "数据集文件、含 dataset.yaml 的目录，或 Excel 填报工作簿 .xlsx (a dataset file, a directory holding dataset.yaml, or a budget workbook)")
        Path path;

        @CommandLine.Mixin RefdataOption refdata = new RefdataOption();

        @Option(names = "--profile", paramLabel = "ID", description = "按此公开模板生成，而非数据集所指的模板 (derive under this template profile instead of the dataset's: a file name of refdata/profiles/ or --refdata DIR/profiles/ without .yaml)")
        String profile;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        Workspace.Loaded load() {
            ReferenceLibrary lib = refdata.library();
            Workspace w = new Workspace(lib);
            return profile == null ? w.load(path) : w.loaded(w.read(path), profile);
        }

        PrintWriter out() { return spec.commandLine().getOut(); }
    }

    @Command(name = "tables", description = "打印十一张公开表 (print the eleven disclosure tables)")
    static final class Tables extends DatasetCommand implements Callable<Integer> {
        @Option(names = "--json", description = "JSON 输出 (machine-readable output)") boolean json;

        @Override
        public Integer call() {
            Workspace.Loaded l = load();
            if (json) {
                out().println(DisclosureJson.write(l.disclosure()));
                return OK;
            }
            for (DisclosureTable t : l.disclosure().tables()) {
                var tpl = l.profile().tableById(t.id()).orElse(null);
                org.openbudget.core.money.AmountFormat format = l.profile().amountFormat(tpl);   // a table may print another unit
                String caption = l.profile().unitCaption(l.disclosure().kind().label(), l.disclosure().unitName());
                out().println((t.mark().isEmpty() ? "" : t.mark() + "  ") + t.title() + "    " + caption + "    " + format.caption());
                out().println("    " + String.join(" | ", t.columns()));
                if (t.empty()) out().println("    " + t.emptyNote());
                for (Row r : t.rows()) {
                    StringBuilder b = new StringBuilder("    ");
                    if (r.side() != null) b.append(r.side() == org.openbudget.core.disclosure.Side.INCOME ? "[收] " : "[支] ");
                    b.append(r.label());
                    for (int i = 0; i < t.columns().size(); i++) {
                        boolean rate = tpl != null && i < tpl.columns().size() && tpl.columns().get(i).rate();   // 增减%: per cent, two decimals
                        b.append(" | ").append(rate ? (r.value(i) == null ? "" : r.value(i).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
                                : format.format(r.value(i)));
                    }
                    out().println(b);
                }
                out().println();
            }
            return OK;
        }
    }

    @Command(name = "check", description = "按审核公式审核，退出码 0 无错误、1 有错误、2 输入有误 (run the check catalogue; exit 0 no error, 1 errors, 2 bad input)")
    static final class CheckCmd extends DatasetCommand implements Callable<Integer> {
        @Option(names = "--json", description = "JSON 输出") boolean json;

        @Override
        public Integer call() {
            Workspace.Loaded l = load();
            List<Finding> findings = l.check();
            if (json) {
                out().println(FindingsJson.write(findings));
            } else {
                printFindings(out(), l.disclosure().unitName(), findings);
            }
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? FINDINGS : OK;
        }
    }

    static void printFindings(PrintWriter out, String unit, List<Finding> findings) {
        long e = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long w = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long n = findings.stream().filter(f -> f.severity() == Severity.NOTICE).count();
        out.println(unit + "：错误 " + e + "，警告 " + w + "，提示 " + n);
        for (Finding f : findings) {
            out.println("  [" + f.severity().label() + "] " + f.id() + "  " + f.location() + "  " + f.message());
        }
    }

    @Command(name = "checks", description = "列出审核公式目录 (list the check catalogue)")
    static final class Checks implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin RefdataOption refdata = new RefdataOption();

        @Override
        public Integer call() {
            for (Check c : refdata.library().checks()) {
                spec.commandLine().getOut().println(c.id() + "\t" + c.severity().json() + "\t" + c.rule());
            }
            return OK;
        }
    }
}
