package io.scraptrace.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldMapTest {
    /** The same operations on a FieldMap and a LinkedHashMap, compared after each step. */
    private static void sameAsLinkedHashMap(int fields) {
        FieldMap map = new FieldMap(4);
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        for (int i = 0; i < fields; i++) {
            // new String: lookups must not depend on the names being the same instances.
            String key = new String("f" + i);
            assertEquals(expected.put(key, IntNode.valueOf(i)), map.put(key, IntNode.valueOf(i)));
        }
        assertEquals(expected.put("f1", IntNode.valueOf(-1)), map.put(new String("f1"), IntNode.valueOf(-1)), "a repeated key returns the old value");
        assertEquals(expected.remove("f0"), map.remove("f0"));
        assertEquals(expected.remove("absent"), map.remove("absent"));
        assertEquals(expected, map);
        assertEquals(map, expected);
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(map.keySet()), "insertion order");
        assertEquals(expected.size(), map.size());
        assertTrue(map.containsKey("f2"));
        assertFalse(map.containsKey("f" + fields));
    }

    @Test
    void behavesLikeALinkedHashMapWhileSmall() {
        sameAsLinkedHashMap(12);
    }

    @Test
    void behavesLikeALinkedHashMapOnceItOutgrewLinearSearch() {
        sameAsLinkedHashMap(FieldMap.MAX_LINEAR * 4);
    }

    @Test
    void iteratorRemovesAndEntriesWriteThrough() {
        FieldMap map = new FieldMap(2);
        map.put("a", IntNode.valueOf(1));
        map.put("b", IntNode.valueOf(2));
        map.put("c", IntNode.valueOf(3));
        Iterator<Map.Entry<String, JsonNode>> it = map.entrySet().iterator();
        it.next().setValue(IntNode.valueOf(10));
        it.next();
        it.remove();
        List<String> rest = new ArrayList<>();
        it.forEachRemaining(e -> rest.add(e.getKey()));

        assertEquals(List.of("c"), rest);
        assertEquals(Map.of("a", IntNode.valueOf(10), "c", IntNode.valueOf(3)), map);
        assertNull(map.get("b"));
    }
}
