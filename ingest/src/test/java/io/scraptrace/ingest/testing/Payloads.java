package io.scraptrace.ingest.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Reading;
import io.scraptrace.schemas.json.AvroJson;
import io.scraptrace.specimens.CorruptionRates;
import io.scraptrace.specimens.FrameRenderer;
import io.scraptrace.specimens.PieceGenerator;
import io.scraptrace.specimens.SensorMix;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Realistic request items, from the plant simulator's generator (so these tests also check that
 * what the simulator posts passes ingest's validation).
 */
public final class Payloads {
    private final PieceGenerator pieces;
    private final FrameRenderer frames = new FrameRenderer();

    public Payloads(long seed) {
        this.pieces = new PieceGenerator(seed, CorruptionRates.NONE, SensorMix.ALL_STATIONS);
    }

    /** A reading of {@code siteId} and {@code lotId} with the given event id, as contract JSON. */
    public ObjectNode reading(String eventId, String siteId, String lotId) {
        Reading reading = pieces.next().reading();
        ObjectNode json = AvroJson.toJson(reading);
        json.remove("receivedAt");
        return json.put("eventId", eventId).put("siteId", siteId).put("lotId", lotId);
    }

    /** {@code n} readings of one site, event ids {@code prefix-0..n-1}, as NDJSON. */
    public String ndjson(String prefix, String siteId, String lotId, int n) {
        return IntStream.range(0, n).mapToObj(i -> reading(prefix + "-" + i, siteId, lotId).toString())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** A camera frame with a real PNG picture. */
    public ObjectNode frame(String eventId, String siteId, String lotId) {
        byte[] png = frames.renderPng(pieces.next(), eventId.hashCode());
        return AvroJson.MAPPER.createObjectNode().put("eventId", eventId).put("siteId", siteId).put("stationId", "cam-1")
                .put("lotId", lotId).put("timestamp", "2026-11-25T10:00:00Z")
                .put("imageBase64", Base64.getEncoder().encodeToString(png));
    }

    /** The rendered PNG of a frame item. */
    public static byte[] image(ObjectNode frame) {
        return Base64.getDecoder().decode(frame.get("imageBase64").textValue());
    }

    /** A JSON array of the given items. */
    public static String array(List<ObjectNode> items) {
        return items.stream().map(ObjectNode::toString).collect(Collectors.joining(",", "[", "]"));
    }
}
