package io.scraptrace.ingest.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of one parsed JSON object, in the order they came: two arrays searched linearly.
 * An item has a dozen fields at most, where hashing every name and allocating a node per entry
 * (a LinkedHashMap) cost more than comparing a few references: Jackson interns the names it
 * parses and the validators look fields up by string literals, which are interned too, so most
 * lookups end at the first, identity pass. An object with more than {@link #MAX_LINEAR} fields
 * moves into a LinkedHashMap, so a hostile item with thousands of keys costs no quadratic search.
 * Not thread-safe (one request's tree).
 */
final class FieldMap extends AbstractMap<String, JsonNode> {
    static final int MAX_LINEAR = 32;

    /** Every field once the object outgrew linear search; null until then. */
    private Map<String, JsonNode> large;
    private String[] keys;
    private JsonNode[] values;
    private int size;

    /** @param capacity fields expected; grows beyond */
    FieldMap(int capacity) {
        keys = new String[capacity];
        values = new JsonNode[capacity];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        if (key != null) {
            for (int i = 0; i < size; i++) {
                if (key.equals(keys[i])) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public JsonNode get(Object key) {
        if (large != null) {
            return large.get(key);
        }
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return large != null ? large.containsKey(key) : indexOf(key) >= 0;
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
        if (large != null) {
            return large.put(key, value);
        }
        int i = indexOf(key);
        if (i >= 0) {
            JsonNode previous = values[i];
            values[i] = value;
            return previous;
        }
        if (size == MAX_LINEAR) {
            large = new LinkedHashMap<>(4 * MAX_LINEAR);
            for (int j = 0; j < size; j++) {
                large.put(keys[j], values[j]);
            }
            keys = null;
            values = null;
            size = 0;
            return large.put(key, value);
        }
        if (size == keys.length) {
            int capacity = Math.max(4, 2 * size);
            keys = Arrays.copyOf(keys, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        keys[size] = key;
        values[size++] = value;
        return null;
    }

    @Override
    public JsonNode remove(Object key) {
        if (large != null) {
            return large.remove(key);
        }
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        JsonNode previous = values[i];
        removeAt(i);
        return previous;
    }

    private void removeAt(int i) {
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        keys[size] = null;
        values[size] = null;
    }

    @Override
    public void clear() {
        if (large != null) {
            large.clear();
            return;
        }
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    @Override
    public int size() {
        return large != null ? large.size() : size;
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
        if (large != null) {
            return large.entrySet();
        }
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, JsonNode>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private boolean removable;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, JsonNode> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        removable = true;
                        return new Field(next++);
                    }

                    @Override
                    public void remove() {
                        if (!removable) {
                            throw new IllegalStateException();
                        }
                        removeAt(--next);
                        removable = false;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** An entry that reads and writes through to its position. */
    private final class Field implements Map.Entry<String, JsonNode> {
        private final int index;

        Field(int index) {
            this.index = index;
        }

        @Override
        public String getKey() {
            return keys[index];
        }

        @Override
        public JsonNode getValue() {
            return values[index];
        }

        @Override
        public JsonNode setValue(JsonNode value) {
            JsonNode previous = values[index];
            values[index] = value;
            return previous;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Map.Entry<?, ?> e && getKey().equals(e.getKey()) && getValue().equals(e.getValue());
        }

        @Override
        public int hashCode() {
            return getKey().hashCode() ^ getValue().hashCode();
        }

        @Override
        public String toString() {
            return getKey() + "=" + getValue();
        }
    }
}
