package io.scraptrace.simulator.plant;

import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.Material;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A declaration being put together: starts as the honest declaration of some lots and is then
 * bent by an anomaly (or not) before it is built.
 */
final class DeclarationDraft {
    final Exporter exporter;
    PlantSite site;
    final List<Lot> claims;
    final List<String> lotIds = new ArrayList<>();
    final List<AlertCode> expected = new ArrayList<>();
    final List<AlertCode> nearMiss = new ArrayList<>();
    Material material;
    String declaredGrade;
    String hsCode;
    double massKg;
    double valuePerTonne;
    String destination;

    DeclarationDraft(Exporter exporter, PlantSite site, List<Lot> lots) {
        this.exporter = exporter;
        this.site = site;
        this.claims = new ArrayList<>(lots);
        lots.forEach(lot -> lotIds.add(lot.lotId));
    }

    /** Grade of the lots (they are of one grade). */
    String lotGrade() {
        return claims.get(0).grade;
    }

    PlannedDeclaration build(String declarationId, Instant now) {
        double mass = Math.round(massKg * 10) / 10.0;
        ExportDeclaration declaration = ExportDeclaration.newBuilder()
                .setDeclarationId(declarationId)
                .setExporterId(exporter.exporterId())
                .setSiteId(site.siteId())
                .setPort(site.region())
                .setHsCode(hsCode)
                .setDeclaredMaterial(material)
                .setDeclaredGrade(declaredGrade)
                .setMassKg(mass)
                .setValueJpy(Math.round(valuePerTonne * mass / 1000.0))
                .setDestination(destination)
                .setLotIds(List.copyOf(lotIds))
                .setTimestamp(now)
                .build();
        return new PlannedDeclaration(declaration, expected, nearMiss, claims);
    }
}
