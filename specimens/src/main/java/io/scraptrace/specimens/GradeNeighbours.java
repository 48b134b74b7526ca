package io.scraptrace.specimens;

import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For each grade, the grades a sorter or a plant worker most plausibly confuses it with: the
 * nearest of the same material by typical composition, density and magnetic fraction (the nearest
 * of any material for a grade alone in its material). Mislabelled pieces take one of these labels,
 * because a realistic labelling error is FE_HS for FE_H1, not copper for steel.
 */
final class GradeNeighbours {
    private static final int NEIGHBOURS = 2;

    private final Map<String, List<String>> neighbours;

    GradeNeighbours(GradeCatalogue catalogue) {
        Map<String, List<String>> byCode = new LinkedHashMap<>();
        for (Grade grade : catalogue.grades()) {
            boolean alone = catalogue.grades().stream()
                    .noneMatch(other -> other.material() == grade.material() && !other.code().equals(grade.code()));
            byCode.put(grade.code(), catalogue.grades().stream()
                    .filter(other -> !other.code().equals(grade.code()))
                    .filter(other -> alone || other.material() == grade.material())
                    .sorted(Comparator.comparingDouble((Grade other) -> distance(grade, other)).thenComparing(Grade::code))
                    .limit(NEIGHBOURS)
                    .map(Grade::code)
                    .toList());
        }
        this.neighbours = Map.copyOf(byCode);
    }

    /** The nearest grades to {@code code}, nearest first. */
    List<String> of(String code) {
        List<String> found = neighbours.get(code);
        if (found == null) {
            throw new IllegalArgumentException("unknown grade " + code);
        }
        return found;
    }

    private static double distance(Grade a, Grade b) {
        Set<String> elements = new HashSet<>(a.composition().keySet());
        elements.addAll(b.composition().keySet());
        double sum = 0;
        for (String element : elements) {
            double d = typical(a, element) - typical(b, element);
            sum += d * d;
        }
        double density = a.densityGcc().typical() - b.densityGcc().typical();
        double magnetic = 100 * (a.magneticFraction().typical() - b.magneticFraction().typical());
        return Math.sqrt(sum + density * density + magnetic * magnetic);
    }

    private static double typical(Grade grade, String element) {
        var range = grade.composition().get(element);
        return range == null ? 0 : range.typical();
    }
}
