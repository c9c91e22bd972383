package org.openbudget.io.guard;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.openbudget.io.InputException;
import org.openbudget.io.InputProblem;

/**
 * Runs the reading of one document so that whatever its bytes the caller gets either the result
 * or an {@link InputException} — a located Chinese message, never another exception (issue 16):
 *
 * <ul>
 * <li>the reading runs in a worker thread with a wall-clock budget ({@link ReadLimits#seconds()});
 *     the readers' loops call {@link #checkpoint()}, which ends the work once the budget is spent
 *     (not only the wait): the caller is told how far the reading got ({@link #at(String)});</li>
 * <li>an unexpected failure inside a reader (a library's exception, a bug, out of memory, a stack
 *     overflow) becomes "此文件无法读取：…" with the position reached; its stack goes to the log
 *     file ({@link FailureLog}) under an incident number the message gives — never to the user;</li>
 * <li>at most {@link #CONCURRENT} readings run at once in one JVM (the web takes uploads from many
 *     people): the heap a reading may take is bounded, so the heap of all of them is too.</li>
 * </ul>
 * Nested readings (a department's unit files) run inline in the same worker, under the same budget.
 */
public final class ReadGuard {
    /** Readings at once in this JVM: the cores, at least 2. */
    public static final int CONCURRENT = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final Semaphore SLOTS = new Semaphore(CONCURRENT, true);
    private static final ThreadLocal<State> STATE = new ThreadLocal<>();

    /** The reading of one document in this thread. */
    private static final class State {
        final long deadline;
        volatile boolean cancelled;
        volatile String position = "";
        /** Checkpoints passed: the clock is read every {@link #CLOCK_EVERY}th (readers call it per byte and per glyph). */
        int ticks;

        State(long deadline) {
            this.deadline = deadline;
        }
    }

    /** A power of two: how often {@link #checkpoint()} reads the clock (a few microseconds of reading at most between two reads). */
    static final int CLOCK_EVERY = 64;

    /** Thrown by {@link #checkpoint()} when the budget is spent: ends the reading. */
    public static final class Stop extends RuntimeException {
        Stop() {
            super("reading cancelled", null, false, false);
        }
    }

    private ReadGuard() {}

    /** Reads {@code file} by {@code work} under the limits in force. */
    public static <T> T read(String file, Callable<T> work) {
        return read(file, ReadLimits.current(), work);
    }

    public static <T> T read(String file, ReadLimits limits, Callable<T> work) {
        if (STATE.get() != null) return inline(file, work);
        long budgetNanos = TimeUnit.SECONDS.toNanos(limits.seconds());
        long start = System.nanoTime();
        boolean slot;
        try {
            slot = SLOTS.tryAcquire(budgetNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(file, 0, "", "读取被中断 (reading was interrupted)");
        }
        if (!slot) throw new InputException(file, 0, "", "服务器正忙：同时读取的文件过多，请稍后再试 (too many files are being read at once)");
        try {
            State state = new State(start + budgetNanos);
            Reading reading = new Reading(state, work);
            WORKERS.execute(reading);
            await(reading.done, Math.max(1, state.deadline - System.nanoTime()));
            if (reading.done.getCount() > 0) {
                state.cancelled = true;
                reading.interrupt();
                await(reading.done, TimeUnit.SECONDS.toNanos(2));
                FailureLog.note(file, "reading stopped after " + limits.seconds() + " s at " + state.position
                        + (reading.done.getCount() > 0 ? " (the worker had not stopped 2 s later)" : ""));
                throw new InputException(file, 0, "", "读取超时：" + limits.seconds() + " 秒内未能读完，已停止" + reached(state.position)
                        + "（上限可由 budget.limit.seconds 调整） (reading took too long and was stopped)");
            }
            Object o = reading.outcome;
            if (o instanceof Done d) {
                @SuppressWarnings("unchecked") T value = (T) d.value();
                return value;
            }
            throw translate(file, (Throwable) o, state.position, limits);
        } finally {
            SLOTS.release();
        }
    }

    private record Done(Object value) {}

    /**
     * The workers: threads of a 64 MB stack (a deep document's recursion), kept 30 s between readings — a thread
     * started and joined per reading cost more than a small text's whole audit on a busy machine (0.5 ms).
     */
    private static final ThreadPoolExecutor WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(null, r, "budget-read", 64L << 20);
                t.setDaemon(true);
                return t;
            });

    /** One reading on a worker: its outcome, its end, and an interrupt that reaches only this reading, never the worker's next. */
    private static final class Reading implements Runnable {
        final State state;
        final Callable<?> work;
        final CountDownLatch done = new CountDownLatch(1);
        volatile Object outcome;
        private Thread runner;
        private boolean finished;

        Reading(State state, Callable<?> work) {
            this.state = state;
            this.work = work;
        }

        @Override
        public void run() {
            synchronized (this) {
                runner = Thread.currentThread();
            }
            STATE.set(state);
            try {
                outcome = new Done(work.call());
            } catch (Throwable t) {
                outcome = t;
            } finally {
                STATE.remove();
                synchronized (this) {
                    finished = true;
                }
                Thread.interrupted();   // an interrupt sent before finished: not the next reading's
                done.countDown();
            }
        }

        synchronized void interrupt() {
            if (runner != null && !finished) runner.interrupt();
        }
    }

    private static <T> T inline(String file, Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;   // InputException and Stop pass through; the outer reading translates the rest
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch done, long nanos) {
        long end = System.nanoTime() + nanos;
        boolean interrupted = false;
        while (done.getCount() > 0) {
            long left = end - System.nanoTime();
            if (left <= 0) break;
            try {
                done.await(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private static RuntimeException translate(String file, Throwable t, String position, ReadLimits limits) {
        if (t instanceof InputException e) return e;
        if (t instanceof Stop) {
            return new InputException(file, 0, "", "读取超时：" + limits.seconds() + " 秒内未能读完，已停止" + reached(position)
                    + "（上限可由 budget.limit.seconds 调整） (reading took too long and was stopped)");
        }
        if (t instanceof OutOfMemoryError) {
            String id = FailureLog.log(file, position, t);
            return new InputException(file, 0, "", "此文件无法读取：读取所需内存超出上限" + reached(position) + "（记录编号 " + id + "） (out of memory)");
        }
        if (t instanceof StackOverflowError) {
            String id = FailureLog.log(file, position, t);
            return new InputException(file, 0, "", "此文件无法读取：文件结构嵌套过深" + reached(position) + "（记录编号 " + id + "） (nested too deeply)");
        }
        String id = FailureLog.log(file, position, t);
        return unreadable(file, position, id);
    }

    /** "此文件无法读取：…" for a failure the reader did not foresee; the details are in the log under {@code id}. */
    public static InputException unreadable(String file, String position, String id) {
        return new InputException(java.util.List.of(new InputProblem(file, 0, "", "此文件无法读取：文件内容损坏或不符合格式，读取时出现意外情况" + reached(position)
                + "（记录编号 " + id + "，详情见日志） (this file could not be read)")));
    }

    private static String reached(String position) {
        return position == null || position.isEmpty() ? "（未读到任何内容）" : "（已读到" + position + "）";
    }

    /**
     * Called by the readers' loops, per byte, glyph or row: ends the reading (an unchecked exception the
     * guard turns into a located message) once its budget is spent or its thread interrupted. The clock
     * is read every {@link #CLOCK_EVERY}th call — microseconds of reading apart; a step that may be long
     * (a page, a stream) calls {@link #checkpointNow()}. Free outside a guard.
     */
    public static void checkpoint() {
        State s = STATE.get();
        if (s == null) return;
        if (s.cancelled || (++s.ticks & (CLOCK_EVERY - 1)) == 0 && expired(s)) stop(s);
    }

    /** {@link #checkpoint()} reading the clock at once: before a step that may take long. */
    public static void checkpointNow() {
        State s = STATE.get();
        if (s == null) return;
        if (s.cancelled || expired(s)) stop(s);
    }

    private static boolean expired(State s) {
        return Thread.currentThread().isInterrupted() || System.nanoTime() - s.deadline > 0;
    }

    private static void stop(State s) {
        s.cancelled = true;
        throw new Stop();
    }

    /**
     * {@code work} for another thread, within the reading this thread is in: the same budget and cancellation (it stops at
     * its next checkpoint once the reading is over). Outside a guarded reading, the work as it is.
     */
    public static Runnable within(Runnable work) {
        State s = STATE.get();
        return s == null ? work : new Within(s, work);
    }

    private static final class Within implements Runnable {
        final State state;
        final Runnable work;

        Within(State state, Runnable work) {
            this.state = state;
            this.work = work;
        }

        @Override
        public void run() {
            STATE.set(state);
            try {
                work.run();
            } finally {
                STATE.remove();
            }
        }
    }

    /** The position reached, for the messages: "第 12 页", "工作表“预算明细”第 3000 行". */
    public static void at(String position) {
        State s = STATE.get();
        if (s != null) s.position = position;
    }

    /** True inside a guarded reading (tests). */
    public static boolean active() {
        return STATE.get() != null;
    }
}
