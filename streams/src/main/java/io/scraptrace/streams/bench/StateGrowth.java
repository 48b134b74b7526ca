package io.scraptrace.streams.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.common.Node;

/**
 * How much a streams run left behind, per store: its local state on disk (RocksDB files, read once
 * the application has closed and flushed them) and its changelog topics on the brokers, scaled to a
 * million records so operators can size disks.
 *
 * @param localBytesByStore     bytes on local disk per store
 * @param changelogBytesByStore bytes of each store's changelog topic (all partitions, one replica)
 * @param inputBytes            bytes of the input topic, for comparison
 */
record StateGrowth(Map<String, Long> localBytesByStore, Map<String, Long> changelogBytesByStore, long inputBytes) {
    private static final String CHANGELOG_SUFFIX = "-changelog";
    private static final double MIB = 1024.0 * 1024.0;

    /**
     * Measures the state of application {@code applicationId} under {@code stateDir} and its changelogs
     * on the cluster {@code admin} talks to; {@code inputTopic} is what it read.
     */
    static StateGrowth measure(Path stateDir, String applicationId, Admin admin, String inputTopic)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Long> local = new TreeMap<>();
        Path appDir = stateDir.resolve(applicationId);
        try (Stream<Path> files = Files.walk(appDir)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String store = storeOf(appDir.relativize(file));
                if (store != null) {
                    local.merge(store, size(file), Long::sum);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state under " + appDir, e);
        }
        Map<String, Long> changelogs = new TreeMap<>();
        long input = 0;
        String prefix = applicationId + "-";
        var brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream().map(Node::id).toList();
        for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions().get(30, TimeUnit.SECONDS).values()) {
            for (LogDirDescription dir : dirs.values()) {
                for (var replica : dir.replicaInfos().entrySet()) {
                    String topic = replica.getKey().topic();
                    long bytes = replica.getValue().size();
                    if (topic.startsWith(prefix) && topic.endsWith(CHANGELOG_SUFFIX)) {
                        changelogs.merge(topic.substring(prefix.length(), topic.length() - CHANGELOG_SUFFIX.length()), bytes, Long::sum);
                    } else if (topic.equals(inputTopic)) {
                        input += bytes;
                    }
                }
            }
        }
        return new StateGrowth(local, changelogs, input);
    }

    /** Prints each store's local and changelog bytes per million of {@code records}. */
    void print(PrintStream out, long records) {
        double perMillion = 1e6 / records;
        out.printf("state per million records (local RocksDB files after close; changelog on the broker, one replica):%n");
        out.printf("  %-44s %12s %12s%n", "store", "local MiB", "changelog MiB");
        TreeMap<String, Long> stores = new TreeMap<>(localBytesByStore);
        changelogBytesByStore.keySet().forEach(store -> stores.putIfAbsent(store, 0L));
        long localTotal = 0;
        long changelogTotal = 0;
        for (String store : stores.keySet()) {
            long local = localBytesByStore.getOrDefault(store, 0L);
            long changelog = changelogBytesByStore.getOrDefault(store, 0L);
            localTotal += local;
            changelogTotal += changelog;
            out.printf("  %-44s %12.1f %12.1f%n", store, local * perMillion / MIB, changelog * perMillion / MIB);
        }
        out.printf("  %-44s %12.1f %12.1f   (input topic: %.1f MiB)%n", "total", localTotal * perMillion / MIB,
                changelogTotal * perMillion / MIB, inputBytes * perMillion / MIB);
    }

    /**
     * The store a file under the application's state directory belongs to: task directories hold
     * {@code rocksdb/<store>/...} for key-value stores and {@code <store>/<segment>/...} for window
     * stores; anything else (checkpoints, locks) is bookkeeping.
     */
    private static String storeOf(Path relative) {
        if (relative.getNameCount() < 3) {
            return null;
        }
        String first = relative.getName(1).toString();
        if (first.equals("rocksdb")) {
            return relative.getNameCount() >= 4 ? relative.getName(2).toString() : null;
        }
        return first;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            // A file RocksDB removed while we walked: it no longer counts.
            return 0;
        }
    }
}
