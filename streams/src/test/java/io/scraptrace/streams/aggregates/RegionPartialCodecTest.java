package io.scraptrace.streams.aggregates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.RegionAggregate;
import io.scraptrace.streams.testing.Records;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class RegionPartialCodecTest {
    private final Serde<RegionAggregate> serde = RegionPartialCodec.serde();

    private RegionAggregate roundTrip(RegionAggregate partial) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", partial));
    }

    @Test
    void hourPartialsAndAllTimePartialsRoundTrip() {
        RegionContribution reading = RegionContribution.of(
                Records.graded("e1", "S1", "L1", "BM_NMC", 250.0, Records.T0, Map.of("Li", 4.0, "Ni", 20.0, "Co", 6.0), 0.8),
                true, Records.site("S1", "JP-13"));
        RegionAggregate hour = RegionTotals.addReading(RegionTotals.partial("JP-13", AggregateWindow.HOUR,
                Instant.ofEpochMilli(AggregateWindow.HOUR.startOf(Records.T0.toEpochMilli()))), reading);
        RegionAggregate allTime = RegionTotals.addReading(RegionTotals.partial("JP-13", AggregateWindow.ALL, null), reading);
        assertEquals(hour, roundTrip(hour));
        assertEquals(allTime, roundTrip(allTime));
        assertEquals(0.01, roundTrip(hour).getLiTonnes(), 1e-12);
    }
}
