package io.scraptrace.streams.lots;

import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a lot keeps each grade's sums: the catalogue's codes in catalogue order, then UNCERTAIN, each
 * at a fixed position of an array, so folding a reading into a lot is an array update, not a map
 * copy. Which grades a lot has seen is a bit mask over the same positions, hence at most
 * {@value #MAX} positions; a code beyond them (or not in the catalogue) is kept in a map beside.
 */
final class GradeSlots {
    /** Positions a {@code long} mask covers. */
    static final int MAX = Long.SIZE;

    private static final String[] CODES = codes();
    private static final Map<String, Integer> POSITIONS = positions(CODES);

    /** Number of positions. */
    static final int COUNT = CODES.length;
    /** Position of UNCERTAIN. */
    static final int UNCERTAIN = POSITIONS.get(Grade.UNCERTAIN);

    private GradeSlots() {
    }

    /** Position of {@code code}, or -1 when it has none. */
    static int of(String code) {
        Integer position = POSITIONS.get(code);
        return position == null ? -1 : position;
    }

    /** The code at {@code position}. */
    static String code(int position) {
        return CODES[position];
    }

    private static String[] codes() {
        List<String> codes = new ArrayList<>(GradeCatalogue.get().codes());
        codes.remove(Grade.UNCERTAIN);
        // UNCERTAIN always gets a position (the last): every lot view asks for its share.
        List<String> fitting = new ArrayList<>(codes.subList(0, Math.min(codes.size(), MAX - 1)));
        fitting.add(Grade.UNCERTAIN);
        return fitting.toArray(String[]::new);
    }

    private static Map<String, Integer> positions(String[] codes) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < codes.length; i++) {
            positions.put(codes[i], i);
        }
        return positions;
    }
}
