package io.scraptrace.streams.alerts.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Material;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.streams.testing.Records;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Planted labels under the evidence gate: which declarations are below it, what they must raise, how it is scored. */
class EvidenceGateTest {
    private static final EvidenceGate GATE = new EvidenceGate(0.8);

    /**
     * Lot L-SURE: 1,000 kg all graded. Lot L-HALF: 600 kg graded, 400 kg UNCERTAIN (one reading sent twice, counted once).
     * D-HS-SURE (planted HS_CODE_MISMATCH, 950 kg on L-SURE), D-HS-HALF (planted HS_CODE_MISMATCH, 950 kg on L-HALF),
     * D-CLEAN-HALF (clean, 950 kg on L-HALF), D-MASS (planted MASS_BALANCE_EXCEEDED, 3,000 kg on L-SURE).
     */
    private static ScenarioSet set() {
        List<Object> events = new ArrayList<>();
        events.add(Records.graded("E1", "S1", "L-SURE", "FE_HS", 1000, Records.T0));
        events.add(Records.graded("E2", "S1", "L-HALF", "FE_HS", 600, Records.T0));
        GradedReading uncertain = GradedReading.newBuilder(Records.graded("E3", "S1", "L-HALF", "FE_HS", 400, Records.T0))
                .setGrade(Grade.UNCERTAIN).build();
        events.add(uncertain);
        events.add(uncertain);
        events.add(labelled("D-HS-SURE", "L-SURE", 950, "HS_CODE_MISMATCH"));
        events.add(labelled("D-HS-HALF", "L-HALF", 950, "HS_CODE_MISMATCH"));
        events.add(labelled("D-CLEAN-HALF", "L-HALF", 950));
        events.add(labelled("D-MASS", "L-SURE", 3000, "MASS_BALANCE_EXCEEDED"));
        return new ScenarioSet("gate", events, true);
    }

    private static LabelledDeclaration labelled(String id, String lot, double massKg, String... codes) {
        return new LabelledDeclaration(Records.declaration(id, "S1", Material.FERROUS, null, massKg, List.of(lot, lot), Records.T0),
                Set.of(codes), "test");
    }

    @Test
    void theShareIsConfidentMassOfTheDistinctLotsOverDeclaredMass() {
        Map<String, Double> shares = EvidenceGate.gradedShares(set());
        assertEquals(1.0, shares.get("D-HS-SURE"), 1e-12);
        assertEquals(600 / 950.0, shares.get("D-HS-HALF"), 1e-12);
        assertEquals(1000 / 3000.0, shares.get("D-MASS"), 1e-12);
    }

    @Test
    void belowTheGateAPlantedGradeCodeIsHeldAndInspectExpectedInstead() {
        ScenarioSet set = set();
        Map<String, Expectation> expectations = expectations(set);
        assertEquals(Set.of("HS_CODE_MISMATCH"), expectations.get("D-HS-SURE").expected());
        assertEquals(Set.of("INSUFFICIENT_EVIDENCE"), expectations.get("D-HS-HALF").expected());
        assertEquals(Set.of("HS_CODE_MISMATCH"), expectations.get("D-HS-HALF").held());
        assertEquals(Set.of(), expectations.get("D-CLEAN-HALF").expected());
        assertEquals(true, expectations.get("D-CLEAN-HALF").inspectOptional());
        assertEquals(Set.of("MASS_BALANCE_EXCEEDED"), expectations.get("D-MASS").expected());
        assertEquals(true, expectations.get("D-MASS").inspectOptional());
    }

    @Test
    void aHeldCodeRaisedAnywayIsWrongAndAnOptionalInspectIsNeither() {
        ScenarioSet set = set();
        Map<String, Set<String>> raised = new HashMap<>(Map.of(
                "D-HS-SURE", Set.of("HS_CODE_MISMATCH"),
                "D-HS-HALF", Set.of("HS_CODE_MISMATCH"),
                "D-CLEAN-HALF", Set.of("INSUFFICIENT_EVIDENCE"),
                "D-MASS", Set.of("MASS_BALANCE_EXCEEDED")));

        EvaluationReport report = AlertEvaluation.score(set, expectations(set), raised, Optional.of(GATE));

        CodeScore hs = score(report, "HS_CODE_MISMATCH");
        assertEquals(List.of(1, 1, 0), List.of(hs.truePositives(), hs.falsePositives(), hs.falseNegatives()));
        CodeScore inspect = score(report, "INSUFFICIENT_EVIDENCE");
        assertEquals(List.of(0, 0, 1), List.of(inspect.truePositives(), inspect.falsePositives(), inspect.falseNegatives()));
        assertEquals(1, report.mismatches().size(), report::format);
        GateReport gate = report.gate().orElseThrow();
        assertEquals(3, gate.below());
        assertEquals(Map.of("HS_CODE_MISMATCH", List.of("D-HS-HALF")), gate.held());
        assertEquals(2, gate.optional());
        assertEquals(List.of("D-CLEAN-HALF"), gate.optionalInspect());

        raised.put("D-HS-HALF", Set.of("INSUFFICIENT_EVIDENCE"));
        EvaluationReport right = AlertEvaluation.score(set, expectations(set), raised, Optional.of(GATE));
        assertEquals(List.of(), right.below(AlertEvaluation.GOAL), right::format);
        assertEquals(List.of(), right.mismatches());
    }

    @Test
    void anInspectAboveTheGateIsAFalsePositive() {
        ScenarioSet set = set();
        Map<String, Set<String>> raised = Map.of(
                "D-HS-SURE", Set.of("HS_CODE_MISMATCH", "INSUFFICIENT_EVIDENCE"),
                "D-HS-HALF", Set.of("INSUFFICIENT_EVIDENCE"),
                "D-CLEAN-HALF", Set.of(),
                "D-MASS", Set.of("MASS_BALANCE_EXCEEDED"));

        EvaluationReport report = AlertEvaluation.score(set, expectations(set), raised, Optional.of(GATE));

        CodeScore inspect = score(report, "INSUFFICIENT_EVIDENCE");
        assertEquals(List.of(1, 1, 0), List.of(inspect.truePositives(), inspect.falsePositives(), inspect.falseNegatives()));
    }

    private static Map<String, Expectation> expectations(ScenarioSet set) {
        return AlertEvaluation.expectations(set, GATE);
    }

    private static CodeScore score(EvaluationReport report, String code) {
        return report.scores().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }
}
