package io.scraptrace.benchtools;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Predicate;

/**
 * The CPU time of the threads doing a benchmark's measured work: on a shared machine a steadier
 * figure than the whole process's, which also holds the broker, the clients and the JIT compilers.
 */
public final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {
    }

    /** CPU nanoseconds used so far by the live threads whose name {@code measured} accepts. */
    public static long nanos(Predicate<String> measured) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> measured.test(thread.getName()))
                .mapToLong(thread -> THREADS.getThreadCpuTime(thread.getId()))
                .filter(nanos -> nanos > 0)
                .sum();
    }
}
