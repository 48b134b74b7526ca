package io.scraptrace.simulator.plant;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Deque;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An independent reading of the shared alert-rule semantics over what the simulator actually sent
 * (the recorded requests, in order), grading readings with {@link NearestGrade}. Tests compare its
 * verdicts with the simulator's ground truth.
 */
final class WireOracle {
    private static final Set<String> CONSENTED_BLACK_MASS = Set.of("KR", "BE");

    private final GradeCatalogue catalogue = GradeCatalogue.get();
    private final NearestGrade grader = new NearestGrade(catalogue);
    private final Map<String, JsonNode> sites = new HashMap<>();
    /** lotId -> site and graded mass by grade. */
    private final Map<String, String> lotSite = new HashMap<>();
    private final Map<String, Map<String, Double>> lotGrades = new HashMap<>();
    private final Map<String, String> claimedBy = new HashMap<>();
    private final Map<String, Double> intake = new HashMap<>();
    private final Map<String, Double> exported = new HashMap<>();
    private final Map<String, Deque<Double>> valuePerTonne = new HashMap<>();
    private final Map<String, Deque<Double>> exporterMass = new HashMap<>();
    private final Map<String, Set<String>> verdicts = new LinkedHashMap<>();

    /** Verdicts (declarationId -> codes) over the requests the ingest stand-in accepted, in order. */
    static Map<String, Set<String>> judge(List<RecordingIngest.Request> requests) {
        WireOracle oracle = new WireOracle();
        for (RecordingIngest.Request request : requests) {
            if (request.status() >= 300) {
                continue;
            }
            switch (request.path()) {
                case "/v1/readings" -> request.items().forEach(oracle::reading);
                case "/v1/exports" -> request.items().forEach(oracle::declaration);
                default -> {
                    if (request.path().startsWith("/v1/sites/")) {
                        JsonNode site = request.items().get(0);
                        oracle.sites.put(site.get("siteId").asText(), site);
                    }
                }
            }
        }
        return oracle.verdicts;
    }

    private void reading(JsonNode reading) {
        String lotId = reading.get("lotId").asText();
        String siteId = reading.get("siteId").asText();
        Grade grade = grader.classify(reading);
        double mass = reading.get("massKg").asDouble();
        lotSite.putIfAbsent(lotId, siteId);
        lotGrades.computeIfAbsent(lotId, l -> new HashMap<>()).merge(grade.code(), mass, Double::sum);
        intake.merge(siteId + "|" + grade.material(), mass, Double::sum);
    }

    private void declaration(JsonNode d) {
        String id = d.get("declarationId").asText();
        String siteId = d.get("siteId").asText();
        String material = d.get("declaredMaterial").asText();
        double mass = d.get("massKg").asDouble();
        Set<String> codes = new TreeSet<>();
        Map<String, Double> measured = new HashMap<>();
        boolean untraceable = false;
        for (JsonNode lotNode : d.get("lotIds")) {
            String lot = lotNode.asText();
            if (!lotGrades.containsKey(lot) || !lotSite.get(lot).equals(siteId) || claimedBy.containsKey(lot)) {
                untraceable = true;
            }
            claimedBy.putIfAbsent(lot, id);
            lotGrades.getOrDefault(lot, Map.of()).forEach((g, kg) -> measured.merge(g, kg, Double::sum));
        }
        if (untraceable) {
            codes.add(AlertCode.UNTRACEABLE_LOTS.name());
        }
        Grade dominant = measured.entrySet().stream().max(Map.Entry.comparingByValue())
                .flatMap(e -> catalogue.find(e.getKey())).orElse(null);
        if (dominant != null && underDeclared(d, dominant)) {
            codes.add(AlertCode.UNDER_DECLARED_GRADE.name());
        } else if (dominant != null && !dominant.hsCodes().contains(d.get("hsCode").asText())) {
            codes.add(AlertCode.HS_CODE_MISMATCH.name());
        }
        String key = siteId + "|" + material;
        double available = intake.getOrDefault(key, 0.0) - exported.getOrDefault(key, 0.0);
        if (mass > available * 1.05) {
            codes.add(AlertCode.MASS_BALANCE_EXCEEDED.name());
        }
        exported.merge(key, mass, Double::sum);
        JsonNode site = sites.get(siteId);
        LocalDate date = LocalDate.ofInstant(Instant.parse(d.get("timestamp").asText()), ZoneOffset.UTC);
        if (site == null || !site.get("licensed").asBoolean()
                || (site.hasNonNull("licenseExpires") && LocalDate.parse(site.get("licenseExpires").asText()).isBefore(date))) {
            codes.add(AlertCode.UNREGISTERED_SITE.name());
        }
        boolean controlled = material.equals("BLACK_MASS") || (dominant != null && dominant.baselControlled());
        if (controlled && !CONSENTED_BLACK_MASS.contains(d.get("destination").asText())) {
            codes.add(AlertCode.HAZARDOUS_DESTINATION.name());
        }
        double perTonne = d.get("valueJpy").asDouble() / (mass / 1000);
        Deque<Double> values = valuePerTonne.computeIfAbsent(d.get("hsCode").asText(), h -> new ArrayDeque<>());
        if (values.size() >= 5) {
            double median = median(values);
            if (perTonne < median / 3 || perTonne > median * 3) {
                codes.add(AlertCode.VALUE_OUTLIER.name());
            }
        }
        push(values, perTonne, 50);
        Deque<Double> masses = exporterMass.computeIfAbsent(d.get("exporterId").asText(), e -> new ArrayDeque<>());
        if (masses.size() >= 5 && mass > 4 * masses.stream().mapToDouble(Double::doubleValue).average().orElseThrow()) {
            codes.add(AlertCode.VOLUME_SPIKE.name());
        }
        push(masses, mass, 20);
        verdicts.put(id, codes);
    }

    /** Another material, or a declared grade of a lower value class; the HS code is HS_CODE_MISMATCH's finding. */
    private boolean underDeclared(JsonNode d, Grade dominant) {
        if (!d.get("declaredMaterial").asText().equals(dominant.material().name())) {
            return true;
        }
        String grade = d.hasNonNull("declaredGrade") ? d.get("declaredGrade").asText() : null;
        return grade != null && catalogue.valueClassOf(grade).orElse(0) > dominant.valueClass();
    }

    private static double median(Deque<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static void push(Deque<Double> window, double value, int size) {
        window.addLast(value);
        if (window.size() > size) {
            window.removeFirst();
        }
    }
}
