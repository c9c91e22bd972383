package org.openbudget.io.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbudget.io.InputException;

/** The guard of every reading (issue 16): the time budget ends the work, unforeseen failures become located refusals, logged. */
class ReadGuardTest {
    @TempDir Path logs;
    String oldDir, oldSeconds;

    @BeforeEach
    void logToTemp() {
        oldDir = System.getProperty("budget.log.dir");
        oldSeconds = System.getProperty("budget.limit.seconds");
        System.setProperty("budget.log.dir", logs.toString());
    }

    @AfterEach
    void restore() {
        if (oldDir == null) System.clearProperty("budget.log.dir");
        else System.setProperty("budget.log.dir", oldDir);
        if (oldSeconds == null) System.clearProperty("budget.limit.seconds");
        else System.setProperty("budget.limit.seconds", oldSeconds);
    }

    @Test
    void theTimeBudgetEndsTheWorkAndSaysHowFarItGot() throws Exception {
        System.setProperty("budget.limit.seconds", "1");
        java.util.concurrent.atomic.AtomicLong rounds = new java.util.concurrent.atomic.AtomicLong();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> ReadGuard.read("slow.yaml", () -> {
            for (long i = 0; ; i++) {
                ReadGuard.checkpoint();
                if (i % 1_000 == 0) ReadGuard.at("第 " + i + " 行");
                rounds.set(i);
            }
        })).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.problems().get(0).file()).isEqualTo("slow.yaml");
            assertThat(e.problems().get(0).message()).contains("读取超时").contains("1 秒").contains("已读到第 ");
        });
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(4_000);
        long after = rounds.get();
        Thread.sleep(200);
        assertThat(rounds.get()).as("the worker stopped: it no longer counts").isEqualTo(after);
    }

    @Test
    void aLongStepChecksTheClockAtOnceWhereACheapOneChecksItNowAndThen() throws Exception {
        System.setProperty("budget.limit.seconds", "1");
        java.util.concurrent.atomic.AtomicInteger steps = new java.util.concurrent.atomic.AtomicInteger();
        assertThatThrownBy(() -> ReadGuard.read("pages.pdf", () -> {
            while (true) {
                ReadGuard.checkpointNow();   // a page: each takes 250 ms here
                long end = System.nanoTime() + 250_000_000L;
                while (System.nanoTime() < end) Thread.onSpinWait();
                steps.incrementAndGet();
            }
        })).isInstanceOf(InputException.class);
        Thread.sleep(600);
        // stopped at the first page after the budget (4 pages fill 1 s), not 64 pages later
        assertThat(steps.get()).isBetween(3, 6);
    }

    @Test
    void anUnforeseenFailureIsARefusalWithThePositionAndItsStackGoesToTheLogFile() throws Exception {
        InputException e = (InputException) org.assertj.core.api.Assertions.catchThrowable(() -> ReadGuard.read("bad.xlsx", () -> {
            ReadGuard.at("工作表“预算明细”第 17 行");
            throw new IllegalStateException("Cannot get a NUMERIC value from a STRING cell");
        }));
        String m = e.problems().get(0).message();
        assertThat(m).startsWith("此文件无法读取").contains("已读到工作表“预算明细”第 17 行").contains("记录编号")
                .doesNotContain("IllegalState").doesNotContain("NUMERIC");
        String id = m.replaceAll("(?s).*记录编号 ([0-9a-f]+).*", "$1");
        String log = Files.readString(FailureLog.file(), StandardCharsets.UTF_8);
        assertThat(FailureLog.file()).startsWith(logs);
        assertThat(log).contains("[" + id + "] bad.xlsx").contains("java.lang.IllegalStateException: Cannot get a NUMERIC value").contains("\tat ");
    }

    @Test
    void outOfMemoryAndStackOverflowAreRefusalsToo() {
        assertThatThrownBy(() -> ReadGuard.read("huge.pdf", () -> {
            List<long[]> hog = new ArrayList<>();
            while (true) hog.add(new long[1 << 24]);
        })).isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems().get(0).message()).contains("内存"));
        assertThatThrownBy(() -> ReadGuard.read("deep.yaml", () -> deep(0))).isInstanceOfSatisfying(InputException.class,
                e -> assertThat(e.problems().get(0).message()).contains("嵌套过深"));
    }

    private static int deep(int n) {
        return deep(n + 1) + 1;
    }

    @Test
    void aRefusalPassesThroughAndNestedReadingsRunInTheSameWorker() {
        assertThatThrownBy(() -> ReadGuard.read("a.yaml", () -> {
            throw new InputException("a.yaml", 3, "x", "不对");
        })).isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems().get(0).toString()).isEqualTo("a.yaml:3 [x]: 不对"));
        String thread = ReadGuard.read("dept.yaml", () -> ReadGuard.read("unit.yaml", () -> Thread.currentThread().getName() + ReadGuard.active()));
        assertThat(thread).isEqualTo("budget-readtrue");
        assertThat(ReadGuard.active()).isFalse();
    }

    @Test
    void theWorkersAreReusedAndAStoppedReadingLeavesNothingToTheNext() throws Exception {
        System.setProperty("budget.limit.seconds", "1");
        // a reading stopped by its budget while it waits (interrupted): the worker it ran on is free again afterwards
        assertThatThrownBy(() -> ReadGuard.read("slow.yaml", () -> {
            while (true) {
                Thread.sleep(10);
                ReadGuard.checkpointNow();
            }
        })).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> ReadGuard.read("deep.yaml", () -> deep(0))).isInstanceOf(InputException.class);
        java.util.Set<Thread> workers = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            boolean[] interrupted = new boolean[1];
            String out = ReadGuard.read("next" + i + ".txt", () -> {
                workers.add(Thread.currentThread());
                interrupted[0] = Thread.currentThread().isInterrupted();
                Thread.sleep(1);   // an interrupt left over would end this wait
                ReadGuard.checkpointNow();
                return "读完";
            });
            assertThat(out).isEqualTo("读完");
            assertThat(interrupted[0]).as("reading %d started interrupted", i).isFalse();
        }
        // one after another, the readings share a handful of workers rather than a thread each
        assertThat(workers.size()).isLessThan(10);
    }
}
