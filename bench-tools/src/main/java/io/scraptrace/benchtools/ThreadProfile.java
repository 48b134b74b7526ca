package io.scraptrace.benchtools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recorder profile of a benchmark's measured phase, summarised for the threads doing
 * the measured work (stream threads, HTTP request threads): the methods the samples were in (self),
 * the ScrapTrace methods on the sampled stacks (total), and the ScrapTrace method nearest the top
 * of each stack, which charges library time (RocksDB, Avro, Jackson, the record cache) to the code
 * that caused it.
 */
public final class ThreadProfile {
    private static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    /** Threads in native code (RocksDB's JNI calls, waiting on a socket) are sampled apart, every 20 ms. */
    private static final String NATIVE_SAMPLE = "jdk.NativeMethodSample";
    private static final String OWN_CODE = "io.scraptrace.";
    private static final int TOP = 15;

    private final Recording recording;
    private final Path file;

    private ThreadProfile(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    /** Starts sampling every thread of this JVM with the JDK's "profile" settings (a sample every 10 ms). */
    public static ThreadProfile start(Path file) throws IOException, ParseException {
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setToDisk(true);
        recording.start();
        return new ThreadProfile(recording, file);
    }

    /** Stops the recording and writes it to the file given at start. */
    public void stop() throws IOException {
        recording.stop();
        recording.dump(file);
        recording.close();
    }

    /**
     * Prints the top frames of the samples taken on the measured threads.
     *
     * @param threads  what the measured threads are, for the headline ({@code stream thread(s)})
     * @param measured accepts the names of the measured threads
     */
    public void print(PrintStream out, String title, String threads, Predicate<String> measured) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> ownCode = new HashMap<>();
        Map<String, Integer> nativeTop = new HashMap<>();
        int samples = 0;
        int nativeSamples = 0;
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            if (!(type.equals(EXECUTION_SAMPLE) || type.equals(NATIVE_SAMPLE)) || event.getStackTrace() == null) {
                continue;
            }
            RecordedThread thread = event.getThread("sampledThread");
            if (thread == null || thread.getJavaName() == null || !measured.test(thread.getJavaName())) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            if (type.equals(NATIVE_SAMPLE)) {
                nativeSamples++;
                nativeTop.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
                continue;
            }
            samples++;
            self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
            Set<String> onStack = new HashSet<>();
            String nearestOwn = "(no ScrapTrace frame in the sampled stack)";
            boolean ownFound = false;
            for (RecordedFrame frame : frames) {
                String method = name(frame.getMethod());
                onStack.add(method);
                if (!ownFound && method.startsWith(OWN_CODE)) {
                    nearestOwn = method;
                    ownFound = true;
                }
            }
            onStack.stream().filter(method -> method.startsWith(OWN_CODE)).forEach(method -> total.merge(method, 1, Integer::sum));
            ownCode.merge(nearestOwn, 1, Integer::sum);
        }
        out.printf("%s: %,d samples of the %s in %s%n", title, samples, threads, file);
        if (samples == 0) {
            return;
        }
        printTop(out, "self (method the sample was in)", self, samples);
        printTop(out, "total (ScrapTrace method anywhere on the stack, its callees included)", total, samples);
        printTop(out, "nearest ScrapTrace frame (library time charged to the code that called it)", ownCode, samples);
        out.printf("  in native code: %,d samples (every 20 ms; Java code every 10 ms), by native method%n", nativeSamples);
        printTop(out, "native method (the waits on the network are idle time)", nativeTop, Math.max(1, nativeSamples));
    }

    private static void printTop(PrintStream out, String heading, Map<String, Integer> counts, int samples) {
        out.printf("  %s%n", heading);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey))
                .limit(TOP)
                .forEach(e -> out.printf("    %5.1f %%  %6d  %s%n", 100.0 * e.getValue() / samples, e.getValue(), e.getKey()));
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }
}
