package io.scraptrace.streams.alerts.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scraptrace.avro.BaselConsent;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.avro.Material;
import io.scraptrace.avro.Sensor;
import io.scraptrace.avro.Site;
import io.scraptrace.avro.SiteType;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declarations written by hand from public grade descriptions, HS notes and Basel entries
 * (resource {@value #RESOURCE}): sites, consents and graded lots first, then the declarations in
 * file order, each with its expected codes and source.
 */
public final class HandWrittenScenarios {
    /** The bundled set. */
    public static final String RESOURCE = "/io/scraptrace/streams/alerts/evaluation/hand-written-declarations.json";
    private static final String MODEL_VERSION = "hand-graded";

    private HandWrittenScenarios() {
    }

    /** The bundled set. */
    public static ScenarioSet load() {
        try (InputStream in = HandWrittenScenarios.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing resource " + RESOURCE);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static ScenarioSet parse(JsonNode root) {
        List<Object> events = new ArrayList<>();
        root.path("sites").forEach(site -> events.add(Site.newBuilder()
                .setSiteId(site.path("siteId").asText()).setName(site.path("name").asText()).setRegion(site.path("region").asText())
                .setType(SiteType.valueOf(site.path("type").asText())).setLicensed(site.path("licensed").asBoolean())
                .setLicenseExpires(text(site, "licenseExpires")).build()));
        root.path("consents").forEach(consent -> events.add(BaselConsent.newBuilder()
                .setConsentId(consent.path("consentId").asText()).setExporterId(text(consent, "exporterId"))
                .setDestination(consent.path("destination").asText()).setMaterial(Material.valueOf(consent.path("material").asText()))
                .setValidFrom(text(consent, "validFrom")).setValidUntil(text(consent, "validUntil")).build()));
        Instant gradedAt = Instant.parse(root.path("gradedAt").asText());
        GradeCatalogue catalogue = GradeCatalogue.get();
        for (JsonNode lot : root.path("lots")) {
            int n = 0;
            for (JsonNode reading : lot.path("readings")) {
                String grade = reading.get(0).asText();
                double confidence = reading.get(2).asDouble();
                for (int i = 0; i < reading.get(3).asInt(); i++) {
                    Instant at = gradedAt.plusSeconds(n);
                    events.add(GradedReading.newBuilder().setEventId(lot.path("lotId").asText() + "-" + (++n))
                            .setSiteId(lot.path("siteId").asText()).setStationId("ST-1").setLotId(lot.path("lotId").asText())
                            .setTimestamp(at).setSensor(Sensor.XRF).setMassKg(reading.get(1).asDouble()).setComposition(Map.of())
                            .setGrade(grade).setMaterial(catalogue.materialOf(grade)).setHighGrade(catalogue.isHighGrade(grade))
                            .setConfidence(confidence).setProbabilities(Map.of(grade, confidence))
                            .setModelVersion(MODEL_VERSION).setGradedAt(at).build());
                }
            }
        }
        Instant declaredFrom = Instant.parse(root.path("declaredFrom").asText());
        int i = 0;
        for (JsonNode d : root.path("declarations")) {
            double massKg = d.path("massKg").asDouble();
            List<String> lots = new ArrayList<>();
            d.path("lotIds").forEach(lot -> lots.add(lot.asText()));
            Set<String> expected = new HashSet<>();
            d.path("expected").forEach(code -> expected.add(code.asText()));
            ExportDeclaration declaration = ExportDeclaration.newBuilder()
                    .setDeclarationId(d.path("declarationId").asText()).setExporterId(d.path("exporterId").asText())
                    .setSiteId(d.path("siteId").asText()).setPort(d.path("port").asText()).setHsCode(d.path("hsCode").asText())
                    .setDeclaredMaterial(Material.valueOf(d.path("declaredMaterial").asText())).setDeclaredGrade(text(d, "declaredGrade"))
                    .setMassKg(massKg).setValueJpy(Math.round(d.path("valueJpyPerTonne").asDouble() * massKg / 1000))
                    .setDestination(d.path("destination").asText()).setLotIds(lots)
                    .setTimestamp(declaredFrom.plus(Duration.ofMinutes(i++))).build();
            events.add(new LabelledDeclaration(declaration, expected, d.path("source").asText()));
        }
        return new ScenarioSet("hand-written declarations (" + RESOURCE.substring(RESOURCE.lastIndexOf('/') + 1) + ")", events);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
