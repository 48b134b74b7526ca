package io.scraptrace.streams.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scraptrace.avro.GradedReading;
import io.scraptrace.streams.testing.Records;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class EventTimeExtractorTest {
    private static final Instant WRITTEN = Records.T0.plus(Duration.ofHours(2));
    private final EventTimeExtractor extractor = new EventTimeExtractor();

    private long extract(Object value) {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("scrap.graded", 0, 0L, WRITTEN.toEpochMilli(),
                TimestampType.CREATE_TIME, 0, 0, "LOT-1", value, new RecordHeaders(), Optional.empty());
        return extractor.extract(record, -1);
    }

    private static GradedReading measuredAt(Instant measured) {
        return Records.graded("e1", "S1", "LOT-1", "FE_HS", 100.0, measured);
    }

    @Test
    void aReadingCountsWhenItWasMeasured() {
        assertEquals(Records.T0.toEpochMilli(), extract(measuredAt(Records.T0)));
        Instant slightlyAhead = WRITTEN.plus(EventTimeExtractor.MAX_AHEAD);
        assertEquals(slightlyAhead.toEpochMilli(), extract(measuredAt(slightlyAhead)), "a plant clock a little ahead is believed");
    }

    @Test
    void aMeasurementFromTheFutureCountsWhenItWasGraded() {
        Instant ahead = WRITTEN.plus(EventTimeExtractor.MAX_AHEAD).plusMillis(1);
        assertEquals(WRITTEN.toEpochMilli(), extract(measuredAt(ahead)));
        assertEquals(WRITTEN.toEpochMilli(), extract(measuredAt(WRITTEN.plus(Duration.ofDays(3)))));
    }

    @Test
    void otherRecordsKeepTheirOwnTime() {
        assertEquals(WRITTEN.toEpochMilli(), extract("not a reading"));
    }
}
