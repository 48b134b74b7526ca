package io.scraptrace.simulator.plant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.schemas.json.AvroJson;
import io.scraptrace.specimens.CorruptionRates;
import io.scraptrace.specimens.LabelledPiece;
import io.scraptrace.specimens.PieceGenerator;
import io.scraptrace.specimens.SensorMix;
import org.junit.jupiter.api.Test;

/** The test grader must be good enough for the wire-level oracle: it grades clean analyser readings mostly right. */
class NearestGradeTest {
    @Test
    void gradesCleanAnalyserReadingsMostlyRight() {
        GradeCatalogue catalogue = GradeCatalogue.get();
        NearestGrade grader = new NearestGrade(catalogue);
        PieceGenerator generator = new PieceGenerator(11, CorruptionRates.NONE, SensorMix.ANALYSERS);
        for (Grade grade : catalogue.grades()) {
            int right = 0;
            int sameMaterial = 0;
            int sameFlag = 0;
            int n = 200;
            for (int i = 0; i < n; i++) {
                LabelledPiece piece = generator.next(grade.code());
                JsonNode json = AvroJson.toJson(piece.reading());
                Grade graded = grader.classify(json);
                right += graded.code().equals(grade.code()) ? 1 : 0;
                sameMaterial += graded.material() == grade.material() ? 1 : 0;
                sameFlag += graded.highGrade() == grade.highGrade() ? 1 : 0;
            }
            System.out.printf("%s: %d/%d right, %d same material, %d same high-grade flag%n", grade.code(), right, n, sameMaterial, sameFlag);
            assertTrue(sameMaterial >= 0.95 * n, grade.code() + " same material " + sameMaterial);
            assertTrue(sameFlag >= 0.65 * n, grade.code() + " same high-grade flag " + sameFlag);
            assertTrue(right >= 0.5 * n, grade.code() + " right " + right);
        }
    }
}
