package io.scraptrace.streams.app;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the off-heap memory of all RocksDB stores of the process. The topology keeps about fifteen
 * stores per partition; with RocksDB's per-store defaults (own block cache and memtables) that runs
 * to gigabytes. Every store shares one block cache instead, memtables counted against it.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {
    private static final long TOTAL_BYTES = 256L * 1024 * 1024;
    // Generous memtables: a small shared budget over ~100 stores flushes tiny files and stalls writes.
    private static final long MEMTABLE_BYTES = 96L * 1024 * 1024;
    private static final double INDEX_AND_FILTER_SHARE = 0.1;
    // Shared by every store of the process and never closed: stores come and go with rebalances.
    private static final Cache CACHE;
    private static final WriteBufferManager WRITE_BUFFERS;

    static {
        // This class may be initialised before any store has loaded the native library.
        RocksDB.loadLibrary();
        CACHE = new LRUCache(TOTAL_BYTES, -1, false, INDEX_AND_FILTER_SHARE);
        WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager are shared: closing them here would break the other stores.
    }
}
