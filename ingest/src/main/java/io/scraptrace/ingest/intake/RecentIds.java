package io.scraptrace.ingest.intake;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently published event ids of one kind, bounded in number: a resend shortly after
 * the original is answered as accepted without being produced again. Best effort only (per
 * instance, forgotten on restart); the authoritative deduplication is downstream, by eventId in a
 * state store. Thread-safe.
 */
public final class RecentIds {
    private final Map<String, Boolean> ids;

    /** @param capacity how many ids to remember; the oldest are forgotten first */
    public RecentIds(int capacity) {
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether {@code id} was published recently. */
    public synchronized boolean contains(String id) {
        return ids.containsKey(id);
    }

    /** Remember ids that Kafka has acknowledged. */
    public synchronized void addAll(Iterable<String> published) {
        published.forEach(id -> ids.put(id, Boolean.TRUE));
    }

    /** How many ids are remembered. */
    public synchronized int size() {
        return ids.size();
    }
}
