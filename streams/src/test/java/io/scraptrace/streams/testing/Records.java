package io.scraptrace.streams.testing;

import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Material;
import io.scraptrace.avro.Sensor;
import io.scraptrace.avro.Site;
import io.scraptrace.avro.SiteType;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builders of the contract records the views tests feed in. */
public final class Records {
    /** A fixed hour start so window arithmetic in tests is explicit. */
    public static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private Records() {
    }

    /** A graded reading with the given figures; material and high-grade flag come from the catalogue. */
    public static GradedReading graded(String eventId, String siteId, String lotId, String grade, double massKg,
                                       Instant measured, Map<String, Double> composition, double confidence) {
        GradeCatalogue catalogue = GradeCatalogue.get();
        return GradedReading.newBuilder()
                .setEventId(eventId).setSiteId(siteId).setStationId("ST-1").setLotId(lotId)
                .setTimestamp(measured).setSensor(Sensor.XRF).setMassKg(massKg).setComposition(composition)
                .setGrade(grade).setMaterial(catalogue.materialOf(grade)).setHighGrade(catalogue.isHighGrade(grade))
                .setConfidence(confidence).setProbabilities(Map.of(grade, confidence)).setModelVersion("model-7")
                .setGradedAt(measured.plusSeconds(1)).build();
    }

    /** A graded reading with an iron-only composition and confidence 0.9. */
    public static GradedReading graded(String eventId, String siteId, String lotId, String grade, double massKg, Instant measured) {
        return graded(eventId, siteId, lotId, grade, massKg, measured, Map.of("Fe", 99.0), 0.9);
    }

    /** A licensed yard in {@code region}. */
    public static Site site(String siteId, String region) {
        return Site.newBuilder().setSiteId(siteId).setName("Yard " + siteId).setRegion(region).setType(SiteType.YARD)
                .setLicensed(true).setLicenseExpires(null).build();
    }

    /** An export declaration of {@code massKg} of {@code material} from {@code siteId}. */
    public static ExportDeclaration declaration(String declarationId, String siteId, Material material, String grade,
                                                double massKg, List<String> lotIds, Instant at) {
        return ExportDeclaration.newBuilder()
                .setDeclarationId(declarationId).setExporterId("EXP-1").setSiteId(siteId).setPort("JP-13")
                .setHsCode("7204.49").setDeclaredMaterial(material).setDeclaredGrade(grade).setMassKg(massKg)
                .setValueJpy(massKg * 55.0).setDestination("VN").setLotIds(lotIds).setTimestamp(at).build();
    }
}
