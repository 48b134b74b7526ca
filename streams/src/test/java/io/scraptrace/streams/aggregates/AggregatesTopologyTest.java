package io.scraptrace.streams.aggregates;

import static io.scraptrace.streams.testing.Records.T0;
import static io.scraptrace.streams.testing.Records.graded;
import static io.scraptrace.streams.testing.Records.site;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.streams.testing.ViewsDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregatesTopologyTest {
    private static final double EPS = 1e-9;
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path state;

    @Test
    void sumsTonnesHighGradeBlackMassAndContainedMetalsPerRegion() {
        try (ViewsDriver views = new ViewsDriver(state)) {
            views.register(site("S1", "JP-13"));
            views.register(site("S2", "JP-14"));
            Instant t = T0.plus(Duration.ofMinutes(10));
            views.grade(graded("e1", "S1", "L1", "FE_HS", 1000, t, Map.of("Fe", 99.0), 0.9));
            views.grade(graded("e2", "S1", "L1", "AL_CAST", 500, t, Map.of("Al", 85.0), 0.7));
            views.grade(graded("e3", "S1", "L2", "BM_NMC", 200, t, Map.of("Li", 3.5, "Ni", 20.0, "Co", 5.0), 0.8));
            views.grade(graded("e4", "S1", "L2", "UNCERTAIN", 300, t, Map.of("Ni", 1.0), 0.2));
            views.grade(graded("e5", "S2", "L3", "CU_NO2", 50, t, Map.of("Cu", 96.0), 0.6));
            views.grade(graded("e6", "S-NOWHERE", "L4", "FE_H1", 80, t, Map.of("Fe", 98.0), 0.9));

            RegionAggregate jp13 = allTime(views, "JP-13");
            assertEquals(Map.of("FERROUS", 1.0, "ALUMINIUM", 0.5, "BLACK_MASS", 0.2), jp13.getTonnesByMaterial());
            assertEquals(Map.of("FE_HS", 1.0, "AL_CAST", 0.5, "BM_NMC", 0.2, "UNCERTAIN", 0.3), jp13.getTonnesByGrade());
            // FE_HS and BM_NMC are high grade in the catalogue; AL_CAST and UNCERTAIN are not.
            assertEquals(1.2, jp13.getHighGradeTonnes(), EPS);
            assertEquals(0.2, jp13.getBlackMassTonnes(), EPS);
            assertEquals(0.3, jp13.getUncertainTonnes(), EPS);
            assertEquals(0.035 * 200 / 1000, jp13.getLiTonnes(), EPS);
            assertEquals((0.20 * 200 + 0.01 * 300) / 1000, jp13.getNiTonnes(), EPS);
            assertEquals(0.05 * 200 / 1000, jp13.getCoTonnes(), EPS);
            assertEquals(2, jp13.getLots());
            assertEquals(4, jp13.getReadings());
            assertEquals(1, jp13.getUncertainReadings());
            assertEquals(0.9 + 0.7 + 0.8 + 0.2, jp13.getConfidenceSum(), EPS);

            assertEquals(Map.of("COPPER", 0.05), allTime(views, "JP-14").getTonnesByMaterial());
            RegionAggregate unknown = allTime(views, RegionContribution.UNKNOWN_REGION);
            assertEquals(Map.of("FE_H1", 0.08), unknown.getTonnesByGrade());
            assertEquals(1, unknown.getLots());
        }
    }

    @Test
    void hourAndDayWindowsSplitByMeasurementTimeAndArePublished() {
        try (ViewsDriver views = new ViewsDriver(state)) {
            views.register(site("S1", "JP-13"));
            views.grade(graded("e1", "S1", "L1", "FE_HS", 100, T0.plus(Duration.ofMinutes(59))));
            views.grade(graded("e2", "S1", "L1", "FE_HS", 200, T0.plus(Duration.ofMinutes(61))));

            assertEquals(0.1, hour(views, "JP-13", T0).getTonnesByGrade().get("FE_HS"), EPS);
            assertEquals(1, hour(views, "JP-13", T0).getLots());
            assertEquals(0.2, hour(views, "JP-13", T0.plus(HOUR)).getTonnesByGrade().get("FE_HS"), EPS);
            assertEquals(0, hour(views, "JP-13", T0.plus(HOUR)).getLots());
            WindowStore<String, RegionAggregate> days = views.windowStore(AggregateWindow.DAY.storeName());
            assertEquals(0.3, days.fetch("JP-13", Instant.parse("2026-11-02T00:00:00Z").toEpochMilli()).getTonnesByGrade().get("FE_HS"), EPS);

            Map<String, RegionAggregate> published = views.aggregates.readKeyValuesToMap();
            RegionAggregate secondHour = published.get("JP-13|1h|" + T0.plus(HOUR));
            assertEquals(0.2, secondHour.getTonnesByGrade().get("FE_HS"), EPS);
            assertEquals(T0.plus(HOUR), secondHour.getWindowStart());
            assertEquals(T0.plus(HOUR).plus(HOUR), secondHour.getWindowEnd());
            assertEquals(2, published.get("JP-13|all|").getReadings());
            assertTrue(published.containsKey("JP-13|1d|2026-11-02T00:00:00Z"));
        }
    }

    @Test
    void aLateReadingWithinGraceUpdatesItsWindowAndOneBeyondGraceOnlyTheAllTimeTotal() {
        try (ViewsDriver views = new ViewsDriver(state, Map.of(AggregatesTopology.GRACE_MS, String.valueOf(Duration.ofMinutes(10).toMillis())))) {
            views.register(site("S1", "JP-13"));
            views.grade(graded("e1", "S1", "L1", "FE_H2", 100, T0.plus(Duration.ofMinutes(20))));
            // Stream time moves 5 minutes past the first hour's end: still inside its 10-minute grace.
            views.grade(graded("e2", "S1", "L1", "FE_H2", 100, T0.plus(Duration.ofMinutes(65))));
            views.grade(graded("e3", "S1", "L1", "FE_H2", 40, T0.plus(Duration.ofMinutes(30))));
            assertEquals(0.14, hour(views, "JP-13", T0).getTonnesByGrade().get("FE_H2"), EPS);

            // Now 11 minutes past the end: the first hour is closed, the late reading only counts all-time.
            views.grade(graded("e4", "S1", "L1", "FE_H2", 100, T0.plus(Duration.ofMinutes(71))));
            views.grade(graded("e5", "S1", "L1", "FE_H2", 7, T0.plus(Duration.ofMinutes(40))));
            assertEquals(0.14, hour(views, "JP-13", T0).getTonnesByGrade().get("FE_H2"), EPS);
            assertEquals(0.2, hour(views, "JP-13", T0.plus(HOUR)).getTonnesByGrade().get("FE_H2"), EPS);
            assertEquals(0.347, allTime(views, "JP-13").getTonnesByGrade().get("FE_H2"), EPS);
            assertEquals(5, allTime(views, "JP-13").getReadings());
        }
    }

    @Test
    void aSiteRegisteredLaterOnlyMovesLaterReadingsOutOfUnknown() {
        try (ViewsDriver views = new ViewsDriver(state)) {
            views.grade(graded("e1", "S7", "L1", "FE_H2", 100, T0));
            views.register(site("S7", "JP-27"));
            views.grade(graded("e2", "S7", "L1", "FE_H2", 50, T0.plusSeconds(1)));
            assertEquals(0.1, allTime(views, RegionContribution.UNKNOWN_REGION).getTonnesByGrade().get("FE_H2"), EPS);
            assertEquals(0.05, allTime(views, "JP-27").getTonnesByGrade().get("FE_H2"), EPS);
            assertNull(allTime(views, "JP-13"));
        }
    }

    private static RegionAggregate allTime(ViewsDriver views, String region) {
        return views.<RegionAggregate>keyValueStore(AggregateWindow.ALL.storeName()).get(region);
    }

    private static RegionAggregate hour(ViewsDriver views, String region, Instant start) {
        WindowStore<String, RegionAggregate> hours = views.windowStore(AggregateWindow.HOUR.storeName());
        return hours.fetch(region, start.toEpochMilli());
    }
}
