package io.scraptrace.streams.alerts;

import io.scraptrace.avro.Alert;
import io.scraptrace.avro.AlertReason;
import io.scraptrace.avro.BaselConsent;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Material;
import io.scraptrace.avro.Sensor;
import io.scraptrace.avro.Site;
import io.scraptrace.avro.SiteType;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.streams.alerts.evaluation.AlertsDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;

/**
 * The alert sub-topology under an {@link AlertsDriver}, with builders for test records.
 */
final class AlertsFixture implements AutoCloseable {
    static final Instant DECLARED_AT = Instant.parse("2026-06-01T10:00:00Z");
    static final Duration LOT_WAIT = Duration.ofMinutes(10);

    private final AlertsDriver driver;
    private int readingSeq;

    AlertsFixture(Path stateDir) {
        this(stateDir, Map.of());
    }

    AlertsFixture(Path stateDir, Map<String, String> overrides) {
        driver = new AlertsDriver(stateDir, overrides, Instant.parse("2026-06-01T12:00:00Z"));
    }

    /** Registers a licensed site with no expiry. */
    void site(String siteId) {
        site(siteId, true, null);
    }

    void site(String siteId, boolean licensed, String licenseExpires) {
        driver.site(Site.newBuilder().setSiteId(siteId).setName("Yard " + siteId).setRegion("JP-13")
                .setType(SiteType.YARD).setLicensed(licensed).setLicenseExpires(licenseExpires).build());
    }

    void consent(String consentId, String exporterId, String destination, Material material, String from, String until) {
        driver.consent(consentId, BaselConsent.newBuilder().setConsentId(consentId).setExporterId(exporterId)
                .setDestination(destination).setMaterial(material).setValidFrom(from).setValidUntil(until).build());
    }

    void revokeConsent(String consentId) {
        driver.consent(consentId, null);
    }

    /** Grades one reading of {@code kg} kg as {@code grade}; returns its eventId. */
    String grade(String siteId, String lotId, String grade, double kg) {
        String eventId = "E-" + (++readingSeq);
        grade(eventId, siteId, lotId, grade, kg);
        return eventId;
    }

    void grade(String eventId, String siteId, String lotId, String grade, double kg) {
        Instant at = DECLARED_AT.minus(Duration.ofHours(1));
        GradeCatalogue catalogue = GradeCatalogue.get();
        driver.graded(GradedReading.newBuilder().setEventId(eventId).setSiteId(siteId).setStationId("ST-1")
                .setLotId(lotId).setTimestamp(at).setSensor(Sensor.XRF).setMassKg(kg).setComposition(Map.of("Fe", 98.0))
                .setGrade(grade).setMaterial(catalogue.materialOf(grade)).setHighGrade(catalogue.isHighGrade(grade))
                .setConfidence(0.9).setProbabilities(Map.of(grade, 0.9)).setModelVersion("test-1").setGradedAt(at).build());
    }

    /** A clean ferrous declaration of {@code massKg} from {@code siteId} to VN, to adjust before sending. */
    static ExportDeclaration.Builder declaration(String declarationId, String siteId, double massKg, String... lotIds) {
        return ExportDeclaration.newBuilder().setDeclarationId(declarationId).setExporterId("X-" + declarationId)
                .setSiteId(siteId).setPort("JP-14").setHsCode("7204.49").setDeclaredMaterial(Material.FERROUS)
                .setDeclaredGrade(null).setMassKg(massKg).setValueJpy(55_000 * massKg / 1000).setDestination("VN")
                .setLotIds(List.of(lotIds)).setTimestamp(DECLARED_AT);
    }

    void declare(ExportDeclaration.Builder declaration) {
        driver.declare(declaration.build());
    }

    void advanceWallClock(Duration by) {
        driver.advanceWallClock(by);
    }

    /** Every alert emitted so far, in order. */
    List<KeyValue<String, Alert>> emitted() {
        return driver.emitted();
    }

    /** The latest alert per declaration in the queryable store. */
    Optional<Alert> latest(String declarationId) {
        return driver.latest(declarationId);
    }

    Alert alertOf(String declarationId) {
        return latest(declarationId).orElseThrow(() -> new AssertionError("no alert for " + declarationId));
    }

    static Optional<AlertReason> reason(Alert alert, String code) {
        return alert.getReasons().stream().filter(r -> r.getCode().equals(code)).findFirst();
    }

    static List<String> codes(Alert alert) {
        return alert.getReasons().stream().map(AlertReason::getCode).collect(Collectors.toList());
    }

    @Override
    public void close() {
        driver.close();
    }
}
