package io.scraptrace.streams.combine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.streams.aggregates.AggregateWindow;
import io.scraptrace.streams.aggregates.RegionContribution;
import io.scraptrace.streams.aggregates.RegionTotals;
import io.scraptrace.streams.kpis.MonthlyTotals;
import io.scraptrace.streams.testing.Records;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class SiteShareCodecTest {
    private final Serde<SiteShare> serde = SiteShareCodec.serde();

    @Test
    void aShareOfTwoReadingsRoundTripsWithEveryViewsFigures() {
        Instant hour = Instant.ofEpochMilli(AggregateWindow.HOUR.startOf(Records.T0.toEpochMilli()));
        SiteShare share = new SiteShare("S1", "2026-11", RegionTotals.partial("JP-13", AggregateWindow.HOUR, hour), MonthlyTotals.empty());
        share.add(RegionContribution.of(Records.graded("e1", "S1", "L1", "BM_NMC", 250.0, Records.T0, Map.of("Li", 4.0), 0.8),
                true, Records.site("S1", "JP-13")));
        share.add(RegionContribution.of(Records.graded("e2", "S1", "L1", "BM_NMC", 50.0, Records.T0, Map.of("Li", 4.0), 0.6),
                false, Records.site("S1", "JP-13")));
        byte[] bytes = serde.serializer().serialize("t", share);
        SiteShare back = serde.deserializer().deserialize("t", bytes);
        assertArrayEquals(bytes, serde.serializer().serialize("t", back));
        assertEquals("S1", back.siteId());
        assertEquals("2026-11", back.month());
        RegionAggregate partial = back.partial();
        assertEquals(share.partial(), partial);
        assertEquals(Map.of("BM_NMC", 300.0), back.intake().intakeKgByGrade());
        assertEquals(300 * 0.04, back.intake().liKg(), 1e-12);
        assertEquals(2, back.intake().readings());
        assertEquals(2, partial.getReadings());
        assertEquals(1, partial.getLots());
        assertEquals(0.3, partial.getTonnesByGrade().get("BM_NMC"), 1e-12);
        assertEquals(0.012, partial.getLiTonnes(), 1e-12);
        assertEquals(hour, partial.getWindowStart());
    }
}
