package io.scraptrace.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.schemas.json.AvroJson;
import io.scraptrace.streams.declarations.DeclarationsTopology;
import io.scraptrace.streams.lineage.LineageTopology;
import io.scraptrace.streams.lots.LotsTopology;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The lineage of a declaration (item 5): declaration -> lots -> site -> readings. The declaration
 * is read where it is stored; each lot and its readings are fetched from the instance owning that
 * lot, which need not be this one.
 */
public final class LineageViews {
    private final StoreAccess stores;
    private final ClusterQuery cluster;
    private final LotViews lots;
    private final SiteRegistry sites;

    public LineageViews(StoreAccess stores, ClusterQuery cluster, LotViews lots, SiteRegistry sites) {
        this.stores = stores;
        this.cluster = cluster;
        this.lots = lots;
        this.sites = sites;
    }

    /** The lineage of a declaration this instance stores, if it exists. */
    public Optional<JsonNode> trace(String declarationId, String authorization) {
        ReadOnlyKeyValueStore<String, ExportDeclaration> declarations =
                stores.local(DeclarationsTopology.STORE, QueryableStoreTypes.keyValueStore());
        ExportDeclaration declaration = declarations.get(declarationId);
        if (declaration == null) {
            return Optional.empty();
        }
        ObjectNode node = ApiServer.JSON.createObjectNode().put("declarationId", declarationId);
        node.set("declaration", AvroJson.toJson(declaration));
        node.set("site", sites.find(declaration.getSiteId()).<JsonNode>map(AvroJson::toJson).orElse(ApiServer.JSON.nullNode()));
        node.put("siteRegistered", !node.get("site").isNull());
        ArrayNode lotNodes = node.putArray("lots");
        double gradedKg = 0;
        long readings = 0;
        for (String lotId : declaration.getLotIds()) {
            String path = "/v1/lots/" + URLEncoder.encode(lotId, StandardCharsets.UTF_8).replace("+", "%20");
            Optional<JsonNode> lot = cluster.byKey(LotsTopology.STORE, lotId, path, authorization, true, () -> lots.lot(lotId));
            Optional<JsonNode> traces = cluster.byKey(LineageTopology.STORE, lotId, path + "/readings", authorization, true,
                    () -> lots.readings(lotId));
            ObjectNode entry = lotNodes.addObject().put("lotId", lotId).put("graded", lot.isPresent());
            entry.put("fromDeclaredSite", lot.map(l -> declaration.getSiteId().equals(l.path("siteId").asText())).orElse(false));
            entry.set("lot", lot.orElse(ApiServer.JSON.nullNode()));
            entry.set("readings", traces.map(t -> t.path("readings")).orElse(ApiServer.JSON.createArrayNode()));
            gradedKg += lot.map(l -> l.path("massKg").asDouble()).orElse(0.0);
            readings += lot.map(l -> l.path("readings").asLong()).orElse(0L);
        }
        node.put("declaredMassKg", declaration.getMassKg()).put("gradedMassKg", gradedKg).put("readings", readings);
        return Optional.of(node);
    }
}
