package io.scraptrace.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.streams.lineage.LineageTopology;
import io.scraptrace.streams.lineage.ReadingTrace;
import io.scraptrace.streams.lots.LotState;
import io.scraptrace.streams.lots.LotsTopology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads this instance's lots and their readings. Flags are worked out against the site registry at
 * query time, so registering a site clears them.
 */
public final class LotViews {
    /** Config key: quiet time after which a lot counts as graded. */
    public static final String LOT_IDLE_MS = "streams.lot.idle.ms";
    /** Default quiet time. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(5);
    /** Config key: UNCERTAIN mass share (0-1) above which a lot needs inspection. */
    public static final String INSPECTION_SHARE = "streams.lot.inspection.uncertain.share";
    /**
     * Default inspection share: a tenth of a lot's mass. A deployment choice, not a published
     * figure; a plant sets it to what its inspection capacity and buyers' tolerance allow.
     */
    public static final double DEFAULT_INSPECTION_SHARE = 0.10;

    private final StoreAccess stores;
    private final SiteRegistry sites;
    private final Duration idle;
    private final double inspectionShare;
    private final Clock clock;

    /**
     * @param inspectionShare UNCERTAIN mass share (0-1) above which a lot needs inspection
     */
    public LotViews(StoreAccess stores, SiteRegistry sites, Duration idle, double inspectionShare, Clock clock) {
        if (!(inspectionShare >= 0 && inspectionShare <= 1)) {
            throw new IllegalArgumentException(INSPECTION_SHARE + " must be between 0 and 1, not " + inspectionShare);
        }
        this.stores = stores;
        this.sites = sites;
        this.idle = idle;
        this.inspectionShare = inspectionShare;
        this.clock = clock;
    }

    /** The lot, if this instance has it. */
    public Optional<JsonNode> lot(String lotId) {
        return state(lotId).map(lot -> LotJson.render(lot, sites.find(lot.siteId()), now(), idle, inspectionShare));
    }

    /** The lot's state, if this instance has it. */
    public Optional<LotState> state(String lotId) {
        ReadOnlyKeyValueStore<String, LotState> lots = stores.local(LotsTopology.STORE, QueryableStoreTypes.keyValueStore());
        return Optional.ofNullable(lots.get(lotId));
    }

    /** The lot's status now: see {@link LotJson#status}. */
    public String status(LotState lot) {
        return LotJson.status(lot, now(), idle, inspectionShare);
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    /** The lot's readings in eventId order, if this instance has any. */
    public Optional<JsonNode> readings(String lotId) {
        ReadOnlyKeyValueStore<String, ReadingTrace> traces = stores.local(LineageTopology.STORE, QueryableStoreTypes.keyValueStore());
        ArrayNode items = ApiServer.JSON.createArrayNode();
        try (KeyValueIterator<String, ReadingTrace> range = traces.range(LineageTopology.firstKey(lotId), LineageTopology.lastKey(lotId))) {
            // Past the lineage retention only the key is left: the lot's totals still count the reading.
            range.forEachRemaining(kv -> {
                if (!kv.value.expired()) {
                    items.add(render(kv.value));
                }
            });
        }
        if (items.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode body = ApiServer.JSON.createObjectNode().put("lotId", lotId).put("count", items.size());
        body.set("readings", items);
        return Optional.of(body);
    }

    private static JsonNode render(ReadingTrace trace) {
        return ApiServer.JSON.createObjectNode()
                .put("eventId", trace.eventId())
                .put("stationId", trace.stationId())
                .put("sensor", trace.sensor())
                .put("timestamp", Instant.ofEpochMilli(trace.timestamp()).toString())
                .put("massKg", trace.massKg())
                .put("grade", trace.grade())
                .put("confidence", trace.confidence())
                .put("modelVersion", trace.modelVersion())
                .put("frameId", trace.frameId());
    }
}
