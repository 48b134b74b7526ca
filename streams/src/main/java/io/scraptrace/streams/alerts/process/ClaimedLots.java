package io.scraptrace.streams.alerts.process;

import io.scraptrace.streams.alerts.model.LotClaims;
import java.util.BitSet;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Which lots of one task a declaration has claimed, as a Bloom filter over the claims store's
 * keys. Most graded lots are never declared, and the lot ledger asks about the lot of every
 * reading: the filter answers "not claimed" without a store read (through the store layers, those
 * reads were a noticeable share of the stream thread). A "maybe" is looked up in the store, so a
 * false positive costs one read and nothing else. There is no false "not claimed": every claim is
 * added right after it is stored, and the filter is built from the store whenever the processor
 * is initialised (after a restore, a rebalance or a revived task), and rebuilt larger from it as
 * claims grow.
 */
final class ClaimedLots {
    /** About 1 % false positives at 10 bits per lot and 7 hashes (Bloom 1970; Kirsch and Mitzenmacher 2006 for the double hashing). */
    private static final int BITS_PER_LOT = 10;
    private static final int HASHES = 7;
    private static final int MIN_CAPACITY = 1_024;

    private final KeyValueStore<String, LotClaims> store;
    private BitSet bits;
    private int size;
    private int capacity;
    private int count;

    ClaimedLots(KeyValueStore<String, LotClaims> store) {
        this.store = store;
        rebuild(MIN_CAPACITY);
    }

    /** False when {@code lotId} is surely not claimed; true when it may be (look it up). */
    boolean mayBeClaimed(String lotId) {
        int h1 = lotId.hashCode();
        int h2 = secondHash(lotId);
        for (int i = 0; i < HASHES; i++) {
            if (!bits.get(Math.floorMod(h1 + i * h2, size))) {
                return false;
            }
        }
        return true;
    }

    /** Records that {@code lotId} has just been stored as claimed. */
    void add(String lotId) {
        if (mayBeClaimed(lotId)) {
            return;
        }
        if (++count > capacity) {
            // The store already holds the new claim: the larger filter is built with it.
            rebuild(capacity * 2);
            return;
        }
        set(lotId);
    }

    private void rebuild(int atLeast) {
        int stored = 0;
        try (KeyValueIterator<String, LotClaims> it = store.all()) {
            while (it.hasNext()) {
                it.next();
                stored++;
            }
        }
        capacity = Math.max(atLeast, 2 * stored);
        size = capacity * BITS_PER_LOT;
        bits = new BitSet(size);
        count = 0;
        try (KeyValueIterator<String, LotClaims> it = store.all()) {
            while (it.hasNext()) {
                set(it.next().key);
                count++;
            }
        }
    }

    private void set(String lotId) {
        int h1 = lotId.hashCode();
        int h2 = secondHash(lotId);
        for (int i = 0; i < HASHES; i++) {
            bits.set(Math.floorMod(h1 + i * h2, size));
        }
    }

    /** FNV-1a over the characters: independent enough of {@link String#hashCode()} for double hashing; odd, so never 0. */
    private static int secondHash(String value) {
        int hash = 0x811C9DC5;
        for (int i = 0; i < value.length(); i++) {
            hash ^= value.charAt(i);
            hash *= 0x01000193;
        }
        return hash | 1;
    }
}
