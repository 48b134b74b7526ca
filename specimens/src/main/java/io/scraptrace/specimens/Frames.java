package io.scraptrace.specimens;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Frame;
import io.scraptrace.avro.Reading;
import java.nio.ByteBuffer;
import java.util.Base64;

/** Builds camera {@link Frame} records and their contract JSON ({@code POST /v1/frames}). */
public final class Frames {
    /** Content type of rendered frames. */
    public static final String PNG = "image/png";

    private Frames() {
    }

    /** A PNG frame taken of the piece {@code reading} measured: same site, station, lot and time. */
    public static Frame of(String frameEventId, Reading reading, byte[] png) {
        return Frame.newBuilder()
                .setEventId(frameEventId)
                .setSiteId(reading.getSiteId())
                .setStationId(reading.getStationId())
                .setLotId(reading.getLotId())
                .setTimestamp(reading.getTimestamp())
                .setContentType(PNG)
                .setImage(ByteBuffer.wrap(png.clone()))
                .build();
    }

    /** The frame as the JSON body of {@code POST /v1/frames}: {eventId, siteId, stationId, lotId, timestamp, imageBase64}. */
    public static ObjectNode toContractJson(Frame frame) {
        ByteBuffer image = frame.getImage().duplicate();
        byte[] bytes = new byte[image.remaining()];
        image.get(bytes);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("eventId", frame.getEventId());
        node.put("siteId", frame.getSiteId());
        node.put("stationId", frame.getStationId());
        node.put("lotId", frame.getLotId());
        node.put("timestamp", frame.getTimestamp().toString());
        node.put("imageBase64", Base64.getEncoder().encodeToString(bytes));
        return node;
    }
}
