package io.scraptrace.ingest.bench;

import java.lang.management.ManagementFactory;

/**
 * Wall-clock and CPU time of one measured run. The CPU time is the whole process's (clients,
 * ingest and, when embedded, the broker): on a shared machine wall-clock rates depend on what else
 * runs, CPU per record much less, so the bench reports both.
 *
 * @param wallNanos elapsed wall-clock time
 * @param cpuNanos  CPU time the process used meanwhile
 */
record Measurement(long wallNanos, long cpuNanos) {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** A started measurement. */
    record Start(long wall, long cpu) {
        Measurement stop() {
            return new Measurement(System.nanoTime() - wall, OS.getProcessCpuTime() - cpu);
        }
    }

    static Start start() {
        return new Start(System.nanoTime(), OS.getProcessCpuTime());
    }

    /** Records per wall-clock second. */
    double perSecond(long records) {
        return records / (wallNanos / 1e9);
    }

    /** CPU microseconds per record. */
    double cpuMicrosPer(long records) {
        return cpuNanos / 1e3 / records;
    }
}
