package io.scraptrace.streams.kpis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The KPIs of one calendar year from the monthly rows of the regions a caller may see, nationally
 * (regulators: all regions) and per region:
 * <ul>
 * <li>per target: tonnes this month and year to date, and the annualised run rate (year to date x
 * the year's length / the time elapsed of it; for a month, its tonnes x the year's length / the
 * month's elapsed time), against the annual target: {@code ON_TRACK} when the year-to-date run rate
 * reaches it, otherwise {@code BEHIND}; the trend is the run rate of every month so far;</li>
 * <li>retention per material and grade, year to date: (graded intake - declared exports) / graded
 * intake, and the share of the exports that went to a destination without a valid Basel consent.</li>
 * </ul>
 * Targets are national, so regions get figures and progress but no status of their own.
 */
public final class KpiReport {
    private static final double KG_PER_TONNE = 1000.0;

    private final Targets targets;
    private final ZoneId zone;

    public KpiReport(Targets targets, ZoneId zone) {
        this.targets = targets;
        this.zone = zone;
    }

    /**
     * The report of {@code year} as of {@code asOf} from {@code rows} (any months; those of other
     * years are ignored).
     *
     * @param national whether to include the national view (the caller may see every region)
     */
    public JsonNode render(List<MonthRow> rows, int year, Instant asOf, boolean national) {
        Instant yearStart = YearMonth.of(year, 1).atDay(1).atStartOfDay(zone).toInstant();
        Instant yearEnd = YearMonth.of(year + 1, 1).atDay(1).atStartOfDay(zone).toInstant();
        Instant until = asOf.isBefore(yearStart) ? yearStart : asOf.isAfter(yearEnd) ? yearEnd : asOf;
        Clock clock = new Clock(yearStart, yearEnd, until, zone);
        List<MonthRow> ofYear = rows.stream().filter(r -> r.month().getYear() == year).toList();

        ObjectNode report = ApiServer.JSON.createObjectNode()
                .put("year", year).put("zone", zone.getId()).put("asOf", until.toString())
                .put("elapsedShareOfYear", clock.elapsedShare());
        ObjectNode targetsNode = report.putObject("targets").put("name", targets.name());
        targetsNode.set("notes", ApiServer.JSON.valueToTree(targets.notes()));
        if (national) {
            report.set("national", scope("national", ofYear, clock, true));
        }
        ArrayNode regions = report.putArray("regions");
        new TreeSet<>(ofYear.stream().map(MonthRow::region).toList())
                .forEach(region -> regions.add(scope(region, ofYear.stream().filter(r -> r.region().equals(region)).toList(), clock, false)));
        ArrayNode months = report.putArray("months");
        ofYear.stream().sorted((a, b) -> (a.region() + a.month()).compareTo(b.region() + b.month())).forEach(r -> months.add(r.toJson()));
        return report;
    }

    private JsonNode scope(String name, List<MonthRow> rows, Clock clock, boolean withStatus) {
        Map<YearMonth, MonthlyTotals> byMonth = new TreeMap<>();
        rows.forEach(r -> byMonth.computeIfAbsent(r.month(), m -> MonthlyTotals.empty()).add(r.totals()));
        MonthlyTotals yearToDate = MonthlyTotals.empty();
        byMonth.values().forEach(yearToDate::add);
        YearMonth current = YearMonth.from(clock.until().minusMillis(1).atZone(zone));

        ObjectNode node = ApiServer.JSON.createObjectNode().put("scope", name);
        ArrayNode indicators = node.putArray("indicators");
        for (Targets.Target target : targets.targets()) {
            double ytdTonnes = target.measure().kg(yearToDate) / KG_PER_TONNE;
            double runRate = clock.annualised(ytdTonnes, clock.yearStart());
            MonthlyTotals thisMonth = byMonth.getOrDefault(current, MonthlyTotals.empty());
            double monthTonnes = target.measure().kg(thisMonth) / KG_PER_TONNE;
            ObjectNode indicator = indicators.addObject()
                    .put("id", target.id()).put("name", target.name())
                    .put("targetTonnesPerYear", target.annualTonnes()).put("targetYear", target.year()).put("source", target.source())
                    .put("yearToDateTonnes", ytdTonnes).put("runRateTonnesPerYear", runRate)
                    .put("month", current.toString()).put("monthTonnes", monthTonnes)
                    .put("monthRunRateTonnesPerYear", clock.annualised(monthTonnes, clock.startOf(current)))
                    .put("progress", runRate / target.annualTonnes());
            if (withStatus) {
                indicator.put("status", runRate >= target.annualTonnes() ? "ON_TRACK" : "BEHIND");
            }
            ArrayNode trend = indicator.putArray("trend");
            for (YearMonth month = YearMonth.from(clock.yearStart().atZone(zone)); !month.isAfter(current); month = month.plusMonths(1)) {
                double tonnes = target.measure().kg(byMonth.getOrDefault(month, MonthlyTotals.empty())) / KG_PER_TONNE;
                trend.addObject().put("month", month.toString()).put("tonnes", tonnes)
                        .put("runRateTonnesPerYear", clock.annualised(tonnes, clock.startOf(month), clock.startOf(month.plusMonths(1))));
            }
        }
        node.set("retention", retention(yearToDate));
        node.put("readings", yearToDate.readings()).put("declarations", yearToDate.declarations());
        return node;
    }

    private static JsonNode retention(MonthlyTotals ytd) {
        GradeCatalogue catalogue = GradeCatalogue.get();
        Map<String, Double> intakeByMaterial = new TreeMap<>();
        ytd.intakeKgByGrade.forEach((grade, kg) -> intakeByMaterial.merge(catalogue.materialOf(grade).name(), kg, Double::sum));
        ObjectNode node = ApiServer.JSON.createObjectNode();
        node.set("byMaterial", ratios(intakeByMaterial, ytd.exportedKgByMaterial, ytd.withoutConsentKgByMaterial));
        node.set("byGrade", ratios(ytd.intakeKgByGrade, ytd.exportedKgByGrade, ytd.withoutConsentKgByGrade));
        return node;
    }

    private static JsonNode ratios(Map<String, Double> intake, Map<String, Double> exported, Map<String, Double> withoutConsent) {
        ObjectNode node = ApiServer.JSON.createObjectNode();
        TreeSet<String> keys = new TreeSet<>(intake.keySet());
        keys.addAll(exported.keySet());
        for (String key : keys) {
            double in = intake.getOrDefault(key, 0.0);
            double out = exported.getOrDefault(key, 0.0);
            double unconsented = withoutConsent.getOrDefault(key, 0.0);
            ObjectNode entry = node.putObject(key).put("intakeKg", in).put("exportedKg", out).put("retainedKg", in - out)
                    .put("exportedWithoutConsentKg", unconsented);
            if (in > 0) {
                entry.put("retentionRatio", (in - out) / in);
            } else {
                entry.putNull("retentionRatio");
            }
            if (out > 0) {
                entry.put("withoutConsentShare", unconsented / out);
            } else {
                entry.putNull("withoutConsentShare");
            }
        }
        return node;
    }

    /** The year being reported and how much of it has passed. */
    private record Clock(Instant yearStart, Instant yearEnd, Instant until, ZoneId zone) {
        double elapsedShare() {
            return (double) Duration.between(yearStart, until).toMillis() / Duration.between(yearStart, yearEnd).toMillis();
        }

        Instant startOf(YearMonth month) {
            return month.atDay(1).atStartOfDay(zone).toInstant();
        }

        /** {@code tonnes} measured from {@code from} until now, per year. */
        double annualised(double tonnes, Instant from) {
            return annualised(tonnes, from, until);
        }

        /** {@code tonnes} measured from {@code from} to {@code to} (capped at now), per year. */
        double annualised(double tonnes, Instant from, Instant to) {
            Instant end = to.isAfter(until) ? until : to;
            long elapsed = Duration.between(from, end).toMillis();
            return elapsed <= 0 ? 0.0 : tonnes * Duration.between(yearStart, yearEnd).toMillis() / elapsed;
        }
    }
}
