package org.openbudget.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import org.openbudget.core.check.CheckCatalogue;
import org.openbudget.core.check.Finding;
import org.openbudget.core.classification.ReferenceData;
import org.openbudget.core.derive.Deriver;
import org.openbudget.core.pipeline.Pipeline;
import org.openbudget.core.ledger.Budget;
import org.openbudget.core.profile.TemplateProfile;
import org.openbudget.core.synthetic.SyntheticBudgets;
import org.openbudget.io.refdata.ReferenceLibrary;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Derive + check throughput on synthetic units: N units of 50–500 lines in departments of 1–20
 * units, all funding sources. Units are generated as needed and dropped after use, so the heap
 * measures the work, not the test data. Prints units/s, lines/s and peak heap.
 */
@Command(name = "bench", description = "基准测试：合成单位的生成公开表 + 审核吞吐量 (derive + check throughput on synthetic units)")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--units", defaultValue = "10000", description = "单位数 (default ${DEFAULT-VALUE})") int units;
    @Option(names = "--year", defaultValue = "2024") int year;
    @Option(names = "--profile", description = "公开模板；决算模板则生成决算数据 (template profile; a 决算 one times synthetic final accounts; default: the year's of refdata/templates.yaml's default 预算 family)") String profileId;
    @Option(names = "--seed", defaultValue = "20240222") long seed;
    @Option(names = "--warmup", defaultValue = "2000", description = "预热单位数下限 (at least this many units derived and checked before timing; default ${DEFAULT-VALUE})") int warmup;
    @Option(names = "--max-warmup", defaultValue = "20000", description = "预热单位数上限：预热持续到 JIT 编译基本停止 (warm-up goes on in rounds of 1,000 units until the JIT compiler is quiet, at most this many units; default ${DEFAULT-VALUE})") int maxWarmup;
    @Option(names = "--threads", description = "工作线程数 (default: one per core)") Integer threadCount;
    @Option(names = "--rounds", defaultValue = "1", description = "计时轮数：同一批合成单位重复计时 (timed rounds over the same units, default ${DEFAULT-VALUE})") int rounds;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        ReferenceLibrary lib = ReferenceLibrary.standard();
        ReferenceData ref = lib.year(year);
        TemplateProfile profile = lib.profile(profileId != null ? profileId
                : lib.defaultProfile("预算", year));
        SyntheticBudgets gen = new SyntheticBudgets(ref, profile.id());
        out.printf("profile: %s (%s)%n", profile.id(), profile.meta().basis());
        int threads = threadCount != null && threadCount > 0 ? threadCount : Runtime.getRuntime().availableProcessors();
        warmUp(out, gen, ref, profile, threads);
        for (int round = 1; round <= Math.max(1, rounds); round++) {
            if (rounds > 1) out.printf("— round %d of %d —%n", round, rounds);
            report(out, gen, ref, profile, threads);
        }
        return 0;
    }

    /**
     * Warms the JVM: at least {@code --warmup} units, then rounds of 1,000 units until the JIT
     * compiler is quiet (its compilation time grew by less than 5 % of the round's wall time), at
     * most {@code --max-warmup} units. On two cores the optimizing compiler otherwise keeps one
     * core busy well into the timed run (measured: 18 s of C2 compilation in a 17 s run after a
     * 2,000-unit warm-up), which measures the compiler, not the derive and check.
     */
    private void warmUp(java.io.PrintWriter out, SyntheticBudgets gen, ReferenceData ref, TemplateProfile profile, int threads) {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long t0 = System.nanoTime();
        long c0 = timed ? jit.getTotalCompilationTime() : 0;
        run(gen, ref, profile, new Random(seed ^ 0x5eed), warmup, threads);
        int done = warmup;
        int round = 0;
        while (timed && done < maxWarmup) {
            long before = jit.getTotalCompilationTime();
            long r0 = System.nanoTime();
            run(gen, ref, profile, new Random((seed ^ 0x5eed) + ++round), 1000, threads);
            done += 1000;
            long roundMillis = (System.nanoTime() - r0) / 1_000_000;
            if (jit.getTotalCompilationTime() - before < roundMillis / 20) break;
        }
        out.printf("warm-up: %d units in %.1f s, JIT compilation %.1f s (timing starts once the compiler is quiet)%n",
                done, (System.nanoTime() - t0) / 1e9, timed ? (jit.getTotalCompilationTime() - c0) / 1e3 : Double.NaN);
    }

    private void report(java.io.PrintWriter out, SyntheticBudgets gen, ReferenceData ref, TemplateProfile profile, int threads) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        DERIVE_NANOS.reset();
        WORK_NANOS.reset();
        WORK_CPU_NANOS.reset();
        long[] res = run(gen, ref, profile, new Random(seed), units, threads);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        double secs = WORK_NANOS.sum() / 1e9 / threads;
        out.printf("units: %d in %d departments, lines: %d, findings: %d%n", res[0], res[3], res[1], res[4]);
        out.printf("derive + check: %.2f s on %d threads — %.0f units/s, %.0f lines/s%n", secs, threads, res[0] / secs, res[1] / secs);
        out.printf("wall clock including generating the synthetic ledgers: %.2f s%n", res[2] / 1e9);
        out.printf("of which deriving (units and their departments): %.2f s summed over threads%n", DERIVE_NANOS.sum() / 1e9);
        out.printf("CPU time of the derive + check threads: %.2f s summed (%.2f s per core; more wall time than this means other processes shared the cores)%n",
                WORK_CPU_NANOS.sum() / 1e9, WORK_CPU_NANOS.sum() / 1e9 / threads);
        out.printf("peak heap: %.0f MB (max heap %d MB, %d cores)%n", peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576, Runtime.getRuntime().availableProcessors());
        out.flush();
    }

    static final java.util.concurrent.atomic.LongAdder DERIVE_NANOS = new java.util.concurrent.atomic.LongAdder();
    /** Time spent deriving and checking (not generating the synthetic data), summed over threads. */
    static final java.util.concurrent.atomic.LongAdder WORK_NANOS = new java.util.concurrent.atomic.LongAdder();
    /** CPU time of the same work, summed over threads (0 where the JVM cannot measure thread CPU time). */
    static final java.util.concurrent.atomic.LongAdder WORK_CPU_NANOS = new java.util.concurrent.atomic.LongAdder();
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /**
     * Departments of 1–20 units are planned from the seed, then derived and checked on every core:
     * each department is independent and the core is pure. Each worker generates its own
     * department (seeded by its index), so the figures do not depend on the thread count.
     *
     * @return units, lines, nanos (wall clock), departments, findings
     */
    private static long[] run(SyntheticBudgets gen, ReferenceData ref, TemplateProfile profile, Random rnd, int units, int threads) {
        List<int[]> plan = new java.util.ArrayList<>();
        int planned = 0;
        while (planned < units) {
            int size = Math.min(units - planned, 1 + rnd.nextInt(20));
            plan.add(new int[]{plan.size(), size});
            planned += size;
        }
        long seed = rnd.nextLong();
        java.util.concurrent.atomic.LongAdder lines = new java.util.concurrent.atomic.LongAdder();
        java.util.concurrent.atomic.LongAdder findings = new java.util.concurrent.atomic.LongAdder();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (int[] dp : plan) {
                futures.add(pool.submit(() -> {
                    Random r = new Random(seed + dp[0]);
                    Budget planned0 = gen.department(r, dp[0], dp[1], 50, 500);
                    // under a 决算 template: the same department's final accounts (actuals, balances, 经营支出 …)
                    Budget dept = profile.meta().basis().equals("决算") ? gen.finalAccounts(r, planned0) : planned0;
                    long w0 = System.nanoTime();
                    long c0 = cpuNanos();
                    long a = System.nanoTime();
                    Deriver.Derived derived = Pipeline.deriveWithUnits(dept, ref, profile);
                    DERIVE_NANOS.add(System.nanoTime() - a);
                    for (int i = 0; i < derived.units().size(); i++) {
                        List<Finding> f = CheckCatalogue.run(derived.units().get(i), profile, ref);
                        findings.add(f.size());
                        lines.add(dept.units().get(i).lines().size());
                    }
                    findings.add(CheckCatalogue.run(derived.department(), profile, ref).size());
                    WORK_NANOS.add(System.nanoTime() - w0);
                    WORK_CPU_NANOS.add(cpuNanos() - c0);
                }));
            }
            for (var f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        return new long[]{planned, lines.sum(), System.nanoTime() - t0, plan.size(), findings.sum()};
    }
}
