package io.scraptrace.app.fault;

import io.scraptrace.app.ScrapTrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One ScrapTrace role ({@code broker}, {@code ingest}, {@code sorter}, {@code streams}) as a
 * separate JVM on the test classpath, its output appended to {@code target/fault-logs/NAME.log}.
 * It can be killed with SIGKILL ({@link Process#destroyForcibly()} on Linux) and started again with
 * the same command line. Every child ever started is killed when the test JVM exits, even if the
 * test forgot to (or failed before it could).
 */
final class ChildJvm {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildJvm::killAllNow, "fault-children-reaper"));
    }

    private final String name;
    private final List<String> jvmOptions;
    private final List<String> args;
    private final Path log;
    private volatile Process process;
    private int starts;

    /**
     * @param name       short name, also the log file's name
     * @param heap       {@code -Xmx} value, e.g. {@code 384m}
     * @param args       the launcher arguments (role first)
     * @param logDir     where {@code NAME.log} goes
     */
    ChildJvm(String name, String heap, List<String> args, Path logDir) {
        this(name, heap, List.of(), args, logDir);
    }

    /** As above, with extra JVM options (e.g. log levels) before the class name. */
    ChildJvm(String name, String heap, List<String> extraJvmOptions, List<String> args, Path logDir) {
        this.name = name;
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dai.djl.offline=true", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS", "-Dscraptrace.fault.child=" + name));
        options.addAll(extraJvmOptions);
        this.jvmOptions = List.copyOf(options);
        this.args = List.copyOf(args);
        this.log = logDir.resolve(name + ".log");
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** Start (or start again) the child; returns at once. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(ScrapTrace.class.getName());
        command.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            starts++;
            Files.writeString(log, String.format("%n===== %s start #%d at %s: %s%n", name, starts, Instant.now(), String.join(" ", args)),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process started = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            LIVE.add(started);
            process = started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** SIGKILL, then wait until the process is gone; returns the pid that was killed. */
    synchronized long kill9() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            throw new IllegalStateException(name + " is not running (see " + log + ")");
        }
        long pid = p.pid();
        p.destroyForcibly();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + pid + ") survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
        LIVE.remove(p);
        note("killed with SIGKILL (pid " + pid + ", exit " + p.exitValue() + ")");
        return pid;
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** A failure message naming the log, with the process's state. */
    String describe() {
        Process p = process;
        String state = p == null ? "never started" : p.isAlive() ? "running, pid " + p.pid() : "exited with " + p.exitValue();
        return name + " (" + state + "; log " + log.toAbsolutePath() + ")";
    }

    /** Append a line to the child's log (markers of what the test did to it). */
    void note(String text) {
        try {
            Files.writeString(log, String.format("===== %s %s at %s%n", name, text, Instant.now()), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // A marker is a convenience: never fail the test for it.
        }
    }

    /** Kill this child if it runs (used in @AfterAll). */
    synchronized void killQuietly() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (p != null) {
            LIVE.remove(p);
        }
    }

    /** Kill every child still alive, at once. */
    static void killAllNow() {
        List<Process> all = new ArrayList<>(LIVE);
        all.forEach(Process::destroyForcibly);
        for (Process p : all) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            LIVE.remove(p);
        }
    }

    /**
     * The test classpath. Surefire runs tests from a manifest-only booter jar, so
     * {@code java.class.path} may hold just that jar; surefire also publishes the real list.
     */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
