package io.scraptrace.sorter.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.sorter.model.ModelRepository;
import io.scraptrace.sorter.model.ModelSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped default model grades every reference reading as a metallurgist would: a model that
 * misgrades one fails the build.
 */
class ReferenceReadingsTest {
    @Test
    void theShippedModelGradesEveryReferenceReadingRight() throws Exception {
        List<ReferenceReadings.Row> rows = ReferenceReadings.load();
        try (ModelSet models = ModelRepository.loadOrDefault(null)) {
            ReferenceReadings.Outcome outcome = ReferenceReadings.grade(models, rows);
            assertEquals(rows.size(), outcome.right(), outcome.render());
            int[] outside = outcome.outOfCatalogue();
            assertEquals(outside[1], outside[0], "every out-of-catalogue reading is UNCERTAIN");
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).outOfCatalogue()) {
                    assertTrue(outcome.reasons().get(i).startsWith("fits no catalogue grade"), outcome.reasons().get(i));
                }
            }
        }
    }

    @Test
    void theFileCoversEveryGradeAndOutOfCatalogueMaterialsWithASourceEach() {
        List<ReferenceReadings.Row> rows = ReferenceReadings.load();
        for (String code : io.scraptrace.schemas.grades.GradeCatalogue.get().codes()) {
            assertTrue(rows.stream().anyMatch(r -> r.expected().equals(code)), "a reference reading of " + code);
        }
        assertTrue(rows.stream().filter(r -> Grade.UNCERTAIN.equals(r.expected())).count() >= 8);
        rows.forEach(r -> assertFalse(r.source().isBlank(), r.id() + " names its source"));
    }
}
