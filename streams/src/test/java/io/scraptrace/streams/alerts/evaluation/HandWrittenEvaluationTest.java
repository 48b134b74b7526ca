package io.scraptrace.streams.alerts.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert goal on the declarations written by hand from public sources. */
class HandWrittenEvaluationTest {
    @TempDir
    Path stateDir;

    @Test
    void everyCodeMeetsThePrecisionAndRecallGoal() {
        EvaluationReport report = new AlertEvaluation(Map.of()).evaluate(HandWrittenScenarios.load(), stateDir);
        System.out.println(report.format());

        assertEquals(List.of(), report.unmeasured(), "every code is expected somewhere in the set");
        assertEquals(List.of(), report.below(AlertEvaluation.GOAL), report::format);
    }

    @Test
    void aWrongOrMissingCodeCountsAgainstIt() {
        ScenarioSet set = HandWrittenScenarios.load();
        Map<String, Set<String>> raised = new HashMap<>();
        set.declarations().forEach(d -> raised.put(d.declaration().getDeclarationId(), d.expected()));
        LabelledDeclaration clean = set.declarations().stream().filter(d -> d.expected().isEmpty()).findFirst().orElseThrow();
        LabelledDeclaration hazardous = set.declarations().stream()
                .filter(d -> d.expected().equals(Set.of("HAZARDOUS_DESTINATION"))).findFirst().orElseThrow();
        raised.put(clean.declaration().getDeclarationId(), Set.of("VALUE_OUTLIER"));
        raised.put(hazardous.declaration().getDeclarationId(), Set.of());

        EvaluationReport report = AlertEvaluation.score(set, raised);

        assertEquals(List.of("HAZARDOUS_DESTINATION", "VALUE_OUTLIER"), report.below(AlertEvaluation.GOAL), report::format);
        assertEquals(2, report.mismatches().size());
    }
}
