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
import org.openbudget.core.disclosure.Disclosure;
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
    @Option(names = "--seed", defaultValue = "20240222") long seed;
    @Option(names = "--warmup", defaultValue = "500", description = "预热单位数 (units derived before timing)") int warmup;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        ReferenceLibrary lib = ReferenceLibrary.standard();
        ReferenceData ref = lib.year(year);
        TemplateProfile profile = lib.profile("xinjiang-" + year);
        SyntheticBudgets gen = new SyntheticBudgets(ref, profile.id());
        run(gen, ref, profile, new Random(seed ^ 0x5eed), warmup);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        long[] res = run(gen, ref, profile, new Random(seed), units);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        double secs = res[2] / 1e9;
        out.printf("units: %d in %d departments, lines: %d, findings: %d%n", res[0], res[3], res[1], res[4]);
        out.printf("derive + check: %.2f s — %.0f units/s, %.0f lines/s%n", secs, res[0] / secs, res[1] / secs);
        out.printf("peak heap: %.0f MB (max heap %d MB, %d cores)%n", peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576, Runtime.getRuntime().availableProcessors());
        return 0;
    }

    /** @return units, lines, nanos, departments, findings */
    private static long[] run(SyntheticBudgets gen, ReferenceData ref, TemplateProfile profile, Random rnd, int units) {
        long lines = 0, nanos = 0, depts = 0, findings = 0;
        int done = 0;
        int d = 0;
        while (done < units) {
            int size = Math.min(units - done, 1 + rnd.nextInt(20));
            Budget dept = gen.department(rnd, d++, size, 50, 500);
            long t0 = System.nanoTime();
            for (Budget u : dept.units()) {
                Disclosure dis = Deriver.derive(u, ref, profile);
                List<Finding> f = CheckCatalogue.run(dis, profile, ref);
                findings += f.size();
                lines += u.lines().size();
            }
            Disclosure consolidated = Deriver.derive(dept, ref, profile);
            findings += CheckCatalogue.run(consolidated, profile, ref).size();
            nanos += System.nanoTime() - t0;
            done += size;
            depts++;
        }
        return new long[]{done, lines, nanos, depts, findings};
    }
}
