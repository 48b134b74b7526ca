package io.scraptrace.streams.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.avro.Material;
import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.streams.query.AggregateViews;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The regional aggregates report: one row per region and window. CSV has a column per material
 * and per catalogue grade (tonnes), so every row has the same columns whatever was graded;
 * JSON gives each window as {@code GET /v1/aggregates/regions} does.
 */
public final class RegionReport implements Report<RegionAggregate> {
    private static final List<String> FIXED = List.of("region", "window", "windowStart", "windowEnd", "totalTonnes", "highGradeTonnes",
            "blackMassTonnes", "uncertainTonnes", "liTonnes", "niTonnes", "coTonnes", "lots", "readings", "uncertainReadings",
            "meanConfidence");

    private final List<String> materials = Arrays.stream(Material.values()).map(Enum::name).toList();
    private final List<String> grades = GradeCatalogue.get().grades().stream().map(Grade::code).toList();
    private final List<String> columns = new ArrayList<>(FIXED);

    public RegionReport() {
        materials.forEach(m -> columns.add("tonnes" + m));
        grades.forEach(g -> columns.add("tonnes" + g));
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public List<String> cells(RegionAggregate a) {
        JsonNode derived = AggregateViews.render(a);
        List<String> cells = new ArrayList<>(List.of(a.getRegion(), a.getWindow(), instant(a.getWindowStart()), instant(a.getWindowEnd()),
                Csv.number(derived.path("totalTonnes").asDouble()), Csv.number(a.getHighGradeTonnes()),
                Csv.number(a.getBlackMassTonnes()), Csv.number(a.getUncertainTonnes()), Csv.number(a.getLiTonnes()),
                Csv.number(a.getNiTonnes()), Csv.number(a.getCoTonnes()), String.valueOf(a.getLots()), String.valueOf(a.getReadings()),
                String.valueOf(a.getUncertainReadings()), Csv.number(derived.path("meanConfidence").asDouble())));
        materials.forEach(m -> cells.add(tonnes(a.getTonnesByMaterial(), m)));
        grades.forEach(g -> cells.add(tonnes(a.getTonnesByGrade(), g)));
        return cells;
    }

    @Override
    public JsonNode json(RegionAggregate a) {
        return AggregateViews.render(a);
    }

    private static String tonnes(Map<String, Double> byKey, String key) {
        return Csv.number(byKey.getOrDefault(key, 0.0));
    }

    private static String instant(Instant value) {
        return value == null ? "" : value.toString();
    }
}
