package io.scraptrace.ingest.bench;

import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import io.scraptrace.schemas.json.AvroJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The benchmark's workload: plausible XRF readings of shredded steel (about 300 bytes of JSON
 * each), both as Avro records for the raw producer and as NDJSON request bodies for ingest, so
 * the two runs carry the same records.
 */
final class BenchReadings {
    private static final int READINGS_PER_LOT = 100;

    private final String siteId;
    private final SplittableRandom random;

    BenchReadings(String siteId, long seed) {
        this.siteId = siteId;
        this.random = new SplittableRandom(seed);
    }

    /** {@code count} readings with event ids {@code prefix-0..count-1}. */
    List<Reading> generate(String prefix, int count) {
        Instant now = Instant.now();
        List<Reading> readings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double cu = 0.05 + random.nextDouble() * 0.4;
            double sn = random.nextDouble() * 0.05;
            double cr = random.nextDouble() * 0.3;
            Map<String, Double> composition = Map.of("Fe", 99.0 - cu - sn - cr, "Cu", cu, "Sn", sn, "Cr", cr);
            readings.add(new Reading(prefix + "-" + i, siteId, "xrf-1", prefix + "-L" + i / READINGS_PER_LOT,
                    now.plusMillis(i), Sensor.XRF, 0.5 + random.nextDouble() * 20, composition,
                    7.8, 0.9 + random.nextDouble() * 0.1, 2 + random.nextDouble() * 8, null, null, null));
        }
        return readings;
    }

    /** The readings as NDJSON bodies of {@code batch} readings each. */
    static List<byte[]> ndjsonBodies(List<Reading> readings, int batch) {
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < readings.size(); from += batch) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (Reading reading : readings.subList(from, Math.min(from + batch, readings.size()))) {
                body.writeBytes(AvroJson.toJsonLine(reading).getBytes(StandardCharsets.UTF_8));
                body.write('\n');
            }
            bodies.add(body.toByteArray());
        }
        return bodies;
    }
}
