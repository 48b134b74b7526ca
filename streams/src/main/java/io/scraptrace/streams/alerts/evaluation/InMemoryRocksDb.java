package io.scraptrace.streams.alerts.evaluation;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Env;
import org.rocksdb.Options;
import org.rocksdb.RocksMemEnv;

/**
 * Keeps the RocksDB stores of an {@link AlertsDriver} (lineage register, lot folds) in process
 * memory: the test driver commits, and so flushes every store to disk, after each record, which
 * makes an evaluation of thousands of readings disk-bound. Same RocksDB semantics, no files.
 */
public final class InMemoryRocksDb implements RocksDBConfigSetter {
    /**
     * One memory file system for the process. A closed store's files stay in it until the process
     * exits: fit for short offline runs (evaluations, topology tests), not for a service.
     */
    private static final Env MEMORY = new RocksMemEnv(Env.getDefault());

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setEnv(MEMORY);
    }

    @Override
    public void close(String storeName, Options options) {
        // The shared Env outlives every store.
    }
}
