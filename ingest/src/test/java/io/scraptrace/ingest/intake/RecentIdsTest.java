package io.scraptrace.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecentIdsTest {
    @Test
    void remembersUpToCapacityForgettingTheOldestFirst() {
        RecentIds ids = new RecentIds(3);
        ids.addAll(List.of("a", "b", "c"));
        ids.addAll(List.of("d"));

        assertEquals(3, ids.size());
        assertFalse(ids.contains("a"));
        assertTrue(ids.contains("b") && ids.contains("d"));
    }
}
