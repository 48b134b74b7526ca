package io.scraptrace.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Site;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.streams.aggregates.RegionContribution;
import io.scraptrace.streams.lineage.LineageTopology;
import io.scraptrace.streams.lineage.ReadingTrace;
import io.scraptrace.streams.lots.LotState;
import io.scraptrace.streams.lots.LotsTopology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Renders this instance's lots and their readings as contract JSON. A lot is {@code GRADING} while
 * readings keep arriving and {@code GRADED} once none came for the idle period; its flags are
 * worked out against the site registry at query time, so registering a site clears them.
 */
public final class LotViews {
    /** Config key: quiet time after which a lot counts as graded. */
    public static final String LOT_IDLE_MS = "streams.lot.idle.ms";
    /** Default quiet time. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(5);
    /** Flag of a lot whose site is missing from the registry. */
    public static final String UNREGISTERED_SITE = "UNREGISTERED_SITE";

    private final StoreAccess stores;
    private final SiteRegistry sites;
    private final Duration idle;
    private final Clock clock;

    public LotViews(StoreAccess stores, SiteRegistry sites, Duration idle, Clock clock) {
        this.stores = stores;
        this.sites = sites;
        this.idle = idle;
        this.clock = clock;
    }

    /** The lot, if this instance has it. */
    public Optional<JsonNode> lot(String lotId) {
        ReadOnlyKeyValueStore<String, LotState> lots = stores.local(LotsTopology.STORE, QueryableStoreTypes.keyValueStore());
        return Optional.ofNullable(lots.get(lotId)).map(this::render);
    }

    /** The lot's readings in eventId order, if this instance has any. */
    public Optional<JsonNode> readings(String lotId) {
        ReadOnlyKeyValueStore<String, ReadingTrace> traces = stores.local(LineageTopology.STORE, QueryableStoreTypes.keyValueStore());
        ArrayNode items = ApiServer.JSON.createArrayNode();
        try (KeyValueIterator<String, ReadingTrace> range = traces.range(LineageTopology.firstKey(lotId), LineageTopology.lastKey(lotId))) {
            range.forEachRemaining(kv -> items.add(render(kv.value)));
        }
        if (items.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode body = ApiServer.JSON.createObjectNode().put("lotId", lotId).put("count", items.size());
        body.set("readings", items);
        return Optional.of(body);
    }

    private JsonNode render(LotState lot) {
        Optional<Site> site = sites.find(lot.siteId());
        String dominant = lot.dominantGrade();
        boolean graded = Duration.ofMillis(clock.millis() - lot.lastGradedAt()).compareTo(idle) >= 0;
        ObjectNode node = ApiServer.JSON.createObjectNode()
                .put("lotId", lot.lotId())
                .put("siteId", lot.siteId())
                .put("region", site.map(Site::getRegion).orElse(RegionContribution.UNKNOWN_REGION))
                .put("status", graded ? "GRADED" : "GRADING");
        ArrayNode flags = node.putArray("flags");
        if (site.isEmpty()) {
            flags.add(UNREGISTERED_SITE);
        }
        node.put("massKg", lot.massKg());
        ObjectNode byGrade = node.putObject("massKgByGrade");
        new TreeMap<>(lot.massKgByGrade()).forEach(byGrade::put);
        node.put("dominantGrade", dominant)
                .put("material", lot.material().name())
                .put("highGrade", GradeCatalogue.get().isHighGrade(dominant))
                .put("confidence", lot.meanConfidence())
                .put("readings", lot.readings())
                .put("firstReadingAt", Instant.ofEpochMilli(lot.firstReadingAt()).toString())
                .put("lastReadingAt", Instant.ofEpochMilli(lot.lastReadingAt()).toString())
                .put("lastGradedAt", Instant.ofEpochMilli(lot.lastGradedAt()).toString());
        ArrayNode versions = node.putArray("modelVersions");
        lot.modelVersions().stream().sorted().forEach(versions::add);
        return node;
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
