package io.scraptrace.app.evaluation.lots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.app.evaluation.ScratchState;
import io.scraptrace.avro.Sensor;
import io.scraptrace.broker.ScratchKafka;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.sorter.model.ModelRepository;
import io.scraptrace.sorter.model.ModelSet;
import io.scraptrace.sorter.training.SyntheticData;
import io.scraptrace.specimens.SensorMix;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LotGradeEvaluationTest {
    /** Two lots of every grade. */
    private static final int LOTS = 2 * GradeCatalogue.get().grades().size();

    @Test
    void lotsAsFilledOnTheDefaultBeltStationsMeetTheLotAccuracyGoalSensorOnly() throws Exception {
        List<SampleLot> lots = new SampleLots(4242, SensorMix.ALL_STATIONS.without(Sensor.WEIGHBRIDGE),
                SyntheticData.DEFAULT_CONTAMINATED, "TEST").generate(LOTS, 0);
        Path dir = ScratchState.create("lot-grade-evaluation");
        try (ModelSet models = ModelRepository.loadDefault()) {
            LotReport report = new LotReport("test lots", true,
                    new LotEvaluation(models, Map.of()).evaluate(lots, false, 0, dir.resolve("state")));
            System.out.print(report.format());
            assertEquals(LOTS, report.outcomes().size());
            assertTrue(report.meetsGoal(), report.format());
        } finally {
            ScratchKafka.deleteTree(dir);
        }
    }

    @Test
    void aLotMeetsItsGradeByItsBulkCompositionForeignPiecesIncluded() {
        Grade copper = GradeCatalogue.get().find("CU_NO1").orElseThrow();
        assertNull(LotCriteria.breach(copper, Map.of("Cu", 99.9, "Zn", 0.05)));
        // 3 % steel by mass takes No.1 copper below its Cu >= 99 %, and Fe above its 0.1 % cap.
        assertTrue(LotCriteria.breach(copper, Map.of("Cu", 96.9, "Fe", 3.0)).startsWith("Cu 96.900 outside CU_NO1"));
        // An element the grade does not list may be present at trace level only.
        Grade heavy = GradeCatalogue.get().find("FE_HS").orElseThrow();
        Map<String, Double> steel = Map.of("Fe", 98.5, "Mn", 0.7, "Cu", 0.12, "Sn", 0.008, "Si", 0.2, "C", 0.2, "P", 0.02);
        assertNull(LotCriteria.breach(heavy, steel));
        Map<String, Double> withZinc = new HashMap<>(steel);
        withZinc.put("Zn", 0.5);
        assertTrue(LotCriteria.breach(heavy, withZinc).startsWith("Zn 0.500, which FE_HS does not list"));
    }
}
