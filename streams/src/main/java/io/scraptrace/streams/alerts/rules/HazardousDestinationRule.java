package io.scraptrace.streams.alerts.rules;

import io.scraptrace.avro.Material;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.streams.alerts.model.AlertCode;
import io.scraptrace.streams.alerts.model.Consent;
import io.scraptrace.streams.alerts.model.ConsentSet;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.Measurement;
import io.scraptrace.streams.alerts.model.Reason;
import io.scraptrace.streams.alerts.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * HAZARDOUS_DESTINATION: black mass was declared, or the lots measured a Basel-controlled grade,
 * and no consent for that destination and material (and exporter, if the consent names one) is
 * valid on the declaration date. The reason's basis names the Basel entry the material falls under
 * and every consent for the destination with why it does not cover the shipment.
 */
public final class HazardousDestinationRule {
    /**
     * The Basel entries a controlled material falls under (catalogue source BASEL): no entry names
     * black mass; it is classified as waste batteries or as a waste from processing e-waste.
     */
    private static final Map<Material, String> BASEL_ENTRIES = Map.of(Material.BLACK_MASS,
            "Basel Annex VIII A1170 (waste batteries with Annex I constituents), or A1181 / Annex II Y49 as a waste from "
                    + "processing e-waste (e-waste amendments BC-15/18, in force 1 Jan 2025): prior informed consent required "
                    + "(catalogue source BASEL)");

    private final GradeCatalogue catalogue;

    public HazardousDestinationRule(GradeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The reason against the declaration of {@code verdict}, given the destination's consents. */
    public Optional<Reason> evaluate(Verdict verdict, ConsentSet consents) {
        Declaration d = verdict.declaration();
        Set<Material> uncovered = new TreeSet<>();
        for (Material material : controlledMaterials(d, verdict.measurement())) {
            boolean covered = consents.consents().stream().anyMatch(c -> c.covers(material, d.exporterId(), d.date()));
            if (!covered) {
                uncovered.add(material);
            }
        }
        if (uncovered.isEmpty()) {
            return Optional.empty();
        }
        String measured = verdict.measurement().grade() == null ? "nothing graded" : "lots measured " + verdict.measurement().grade();
        List<String> basis = new ArrayList<>();
        uncovered.forEach(material -> basis.add(material + ": " + BASEL_ENTRIES.getOrDefault(material,
                "Basel-controlled in the grade catalogue (source BASEL)")));
        consents.consents().stream().sorted((a, b) -> a.consentId().compareTo(b.consentId()))
                .forEach(c -> basis.add("consent " + c.consentId() + ": " + whyNot(c, uncovered, d)));
        if (consents.consents().isEmpty()) {
            basis.add("no consent on file for destination " + d.destination());
        }
        String detail = "Basel-controlled " + uncovered + " (declared " + d.declaredMaterial() + ", " + measured + ") to "
                + d.destination() + " without a prior informed consent valid on " + d.date() + " for exporter " + d.exporterId()
                + "; consents for " + d.destination() + ": " + consents.consents().stream().map(Consent::consentId).sorted().toList();
        return Optional.of(new Reason(AlertCode.HAZARDOUS_DESTINATION, AlertCode.HAZARDOUS_DESTINATION.severity(), detail, d.lotIds(),
                Map.of("declaredMassKg", d.massKg(),
                        "measuredMassKg", verdict.measurement().massKg(),
                        "consentsForDestination", (double) consents.consents().size()),
                basis));
    }

    private static String whyNot(Consent consent, Set<Material> uncovered, Declaration d) {
        if (!uncovered.contains(consent.material())) {
            return "is for " + consent.material();
        }
        if (consent.exporterId() != null && !consent.exporterId().equals(d.exporterId())) {
            return "is for exporter " + consent.exporterId();
        }
        return "valid " + (consent.validFrom() == null ? "open" : consent.validFrom()) + " to "
                + (consent.validUntil() == null ? "open" : consent.validUntil()) + ", not on " + d.date();
    }

    /**
     * Whether this rule may raise a reason against {@code declaration} measured as {@code measurement}
     * (a controlled material declared or measured), whatever the consents: then its verdict must
     * carry the lot list, which the reason names.
     */
    public boolean mayApply(Declaration declaration, Measurement measurement) {
        return !controlledMaterials(declaration, measurement).isEmpty();
    }

    private Set<Material> controlledMaterials(Declaration declaration, Measurement measurement) {
        Set<Material> controlled = new TreeSet<>();
        if (declaration.declaredMaterial() == Material.BLACK_MASS) {
            controlled.add(Material.BLACK_MASS);
        }
        String measured = measurement.grade();
        if (measured != null) {
            catalogue.find(measured).filter(Grade::baselControlled).ifPresent(g -> controlled.add(g.material()));
        }
        return controlled;
    }
}
