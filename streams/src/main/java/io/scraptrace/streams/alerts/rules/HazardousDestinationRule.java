package io.scraptrace.streams.alerts.rules;

import io.scraptrace.avro.Material;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.streams.alerts.model.AlertCode;
import io.scraptrace.streams.alerts.model.Consent;
import io.scraptrace.streams.alerts.model.ConsentSet;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.Reason;
import io.scraptrace.streams.alerts.model.Verdict;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * HAZARDOUS_DESTINATION: black mass was declared, or the lots measured a Basel-controlled grade,
 * and no consent for that destination and material (and exporter, if the consent names one) is
 * valid on the declaration date.
 */
public final class HazardousDestinationRule {
    private final GradeCatalogue catalogue;

    public HazardousDestinationRule(GradeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The reason against the declaration of {@code verdict}, given the destination's consents. */
    public Optional<Reason> evaluate(Verdict verdict, ConsentSet consents) {
        Declaration d = verdict.declaration();
        Set<Material> uncovered = new TreeSet<>();
        for (Material material : controlledMaterials(verdict)) {
            boolean covered = consents.consents().stream().anyMatch(c -> c.covers(material, d.exporterId(), d.date()));
            if (!covered) {
                uncovered.add(material);
            }
        }
        if (uncovered.isEmpty()) {
            return Optional.empty();
        }
        String measured = verdict.measurement().grade() == null ? "nothing graded" : "lots measured " + verdict.measurement().grade();
        String detail = "Basel-controlled " + uncovered + " (declared " + d.declaredMaterial() + ", " + measured + ") to "
                + d.destination() + " without a prior informed consent valid on " + d.date() + " for exporter " + d.exporterId()
                + "; consents for " + d.destination() + ": " + consents.consents().stream().map(Consent::consentId).sorted().toList();
        return Optional.of(Reason.of(AlertCode.HAZARDOUS_DESTINATION, detail, d.lotIds(), Map.of(
                "declaredMassKg", d.massKg(),
                "measuredMassKg", verdict.measurement().massKg(),
                "consentsForDestination", (double) consents.consents().size())));
    }

    private Set<Material> controlledMaterials(Verdict verdict) {
        Set<Material> controlled = new TreeSet<>();
        if (verdict.declaration().declaredMaterial() == Material.BLACK_MASS) {
            controlled.add(Material.BLACK_MASS);
        }
        String measured = verdict.measurement().grade();
        if (measured != null) {
            catalogue.find(measured).filter(Grade::baselControlled).ifPresent(g -> controlled.add(g.material()));
        }
        return controlled;
    }
}
