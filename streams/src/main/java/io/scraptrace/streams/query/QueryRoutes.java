package io.scraptrace.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.http.ApiException;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.core.http.Auth;
import io.scraptrace.core.http.Routes;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.streams.aggregates.AggregateWindow;
import io.scraptrace.streams.alerts.AlertsTopology;
import io.scraptrace.streams.balance.BalanceTopology;
import io.scraptrace.streams.declarations.DeclarationsTopology;
import io.scraptrace.streams.lineage.LineageTopology;
import io.scraptrace.streams.lots.LotsTopology;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The read side of CONTRACT section 2 served from Kafka Streams state: aggregates, lots (and their
 * readings, an extension), site balances, alerts and lineage. Each answer is correct from any
 * instance: single keys are answered by their owner, lists are gathered from every instance.
 */
public final class QueryRoutes implements Routes {
    private final ClusterQuery cluster;
    private final AggregateViews aggregates;
    private final LotViews lots;
    private final BalanceViews balances;
    private final AlertViews alerts;
    private final LineageViews lineage;

    public QueryRoutes(ClusterQuery cluster, AggregateViews aggregates, LotViews lots, BalanceViews balances, AlertViews alerts,
                       LineageViews lineage) {
        this.cluster = cluster;
        this.aggregates = aggregates;
        this.lots = lots;
        this.balances = balances;
        this.alerts = alerts;
        this.lineage = lineage;
    }

    @Override
    public void register(Javalin app, Auth auth) {
        app.exception(UnavailableException.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
        // A store read that races a rebalance (the task closed under it) is just as temporary.
        app.exception(InvalidStateStoreException.class, (e, ctx) -> unavailable(ctx, "state is moving (rebalancing): " + e.getMessage()));
        app.get("/v1/aggregates/regions", ctx -> regions(ctx, auth.require(ctx, Role.OPERATOR, Role.REGULATOR)));
        app.get("/v1/aggregates/regions/{region}", ctx -> region(ctx, auth.require(ctx, Role.OPERATOR, Role.REGULATOR)));
        app.get("/v1/lots/{lotId}", ctx -> lot(ctx, auth.require(ctx, Role.PLANT, Role.OPERATOR, Role.REGULATOR)));
        app.get("/v1/lots/{lotId}/readings", ctx -> lotReadings(ctx, auth.require(ctx, Role.PLANT, Role.OPERATOR, Role.REGULATOR)));
        app.get("/v1/sites/{siteId}/balance", ctx -> balance(ctx, auth.require(ctx, Role.PLANT, Role.REGULATOR)));
        app.get("/v1/alerts", ctx -> {
            auth.require(ctx, Role.REGULATOR);
            alertList(ctx);
        });
        app.get("/v1/alerts/{declarationId}", ctx -> {
            auth.require(ctx, Role.REGULATOR);
            alert(ctx);
        });
        app.get("/v1/trace/declarations/{declarationId}", ctx -> {
            auth.require(ctx, Role.REGULATOR);
            trace(ctx);
        });
        // The grade catalogue (CONTRACT section 4): what every grade code in the answers means.
        app.get("/v1/grades", ctx -> {
            auth.authenticate(ctx);
            GradeCatalogue catalogue = GradeCatalogue.get();
            ctx.json(Map.of("version", catalogue.version(), "notes", catalogue.notes(), "sources", catalogue.sources(),
                    "grades", catalogue.grades()));
        });
    }

    private void regions(Context ctx, Principal caller) {
        AggregateWindow window = window(ctx);
        Instant from = QueryParams.instant(ctx, "from", Instant.EPOCH);
        Instant to = QueryParams.instant(ctx, "to", QueryParams.LATEST);
        List<JsonNode> items = cluster.fanOut(ctx, window.storeName(), "aggregates",
                () -> aggregates.all(window, from, to, region -> caller.is(Role.REGULATOR) || caller.covers(region)));
        items.sort(Comparator.<JsonNode, String>comparing(n -> n.path("region").asText())
                .thenComparing(n -> n.path("windowStart").asText("")));
        ObjectNode body = ApiServer.JSON.createObjectNode().put("window", window.label());
        body.putArray("aggregates").addAll(items);
        ctx.json(body);
    }

    private void region(Context ctx, Principal caller) {
        String region = ctx.pathParam("region");
        Auth.requireScope(caller, region);
        AggregateWindow window = window(ctx);
        Instant from = QueryParams.instant(ctx, "from", Instant.EPOCH);
        Instant to = QueryParams.instant(ctx, "to", QueryParams.LATEST);
        JsonNode body = cluster.byKey(ctx, window.storeName(), region, () -> {
            ObjectNode envelope = ApiServer.JSON.createObjectNode().put("region", region).put("window", window.label());
            envelope.putArray("aggregates").addAll(aggregates.region(region, window, from, to));
            return Optional.of(envelope);
        }).orElseThrow(() -> ApiException.notFound("region " + region));
        ctx.json(body);
    }

    private void lot(Context ctx, Principal caller) {
        String lotId = ctx.pathParam("lotId");
        JsonNode lot = cluster.byKey(ctx, LotsTopology.STORE, lotId, () -> lots.lot(lotId))
                .orElseThrow(() -> ApiException.notFound("lot " + lotId));
        requirePlantSite(caller, lot);
        ctx.json(lot);
    }

    private void lotReadings(Context ctx, Principal caller) {
        String lotId = ctx.pathParam("lotId");
        if (caller.is(Role.PLANT)) {
            // Readings carry no siteId: a plant is checked against the lot they belong to.
            String lotPath = ctx.path().substring(0, ctx.path().length() - "/readings".length());
            cluster.byKey(LotsTopology.STORE, lotId, lotPath, ctx.header("Authorization"), !ClusterQuery.forwarded(ctx), () -> lots.lot(lotId))
                    .ifPresent(lot -> requirePlantSite(caller, lot));
        }
        JsonNode readings = cluster.byKey(ctx, LineageTopology.STORE, lotId, () -> lots.readings(lotId))
                .orElseThrow(() -> ApiException.notFound("readings of lot " + lotId));
        ctx.json(readings);
    }

    private void balance(Context ctx, Principal caller) {
        String siteId = ctx.pathParam("siteId");
        Auth.requireScope(caller, siteId);
        ctx.json(cluster.byKey(ctx, BalanceTopology.STORE, siteId, () -> balances.balance(siteId))
                .orElseThrow(() -> ApiException.notFound("site " + siteId)));
    }

    private void alertList(Context ctx) {
        AlertFilter filter = AlertFilter.of(ctx);
        List<JsonNode> items = cluster.fanOut(ctx, AlertsTopology.ALERTS_STORE, "alerts", () -> alerts.list(filter));
        items.sort(AlertFilter.NEWEST_FIRST);
        List<JsonNode> page = items.size() > filter.limit() ? items.subList(0, filter.limit()) : items;
        ObjectNode body = ApiServer.JSON.createObjectNode().put("count", page.size());
        body.putArray("alerts").addAll(page);
        ctx.json(body);
    }

    private void alert(Context ctx) {
        String id = ctx.pathParam("declarationId");
        ctx.json(cluster.byKey(ctx, AlertsTopology.ALERTS_STORE, id, () -> alerts.alert(id))
                .orElseThrow(() -> ApiException.notFound("alert for declaration " + id)));
    }

    private void trace(Context ctx) {
        String id = ctx.pathParam("declarationId");
        String authorization = ctx.header("Authorization");
        ctx.json(cluster.byKey(ctx, DeclarationsTopology.STORE, id, () -> lineage.trace(id, authorization))
                .orElseThrow(() -> ApiException.notFound("declaration " + id)));
    }

    private static AggregateWindow window(Context ctx) {
        String label = Optional.ofNullable(ctx.queryParam("window")).orElse(AggregateWindow.ALL.label());
        return AggregateWindow.byLabel(label).orElseThrow(() -> ApiException.badRequest("window", "must be 1h, 1d or all"));
    }

    private static void requirePlantSite(Principal caller, JsonNode lot) {
        if (caller.is(Role.PLANT)) {
            Auth.requireScope(caller, lot.path("siteId").asText());
        }
    }

    private static void unavailable(Context ctx, String message) {
        ctx.status(503).header("Retry-After", String.valueOf(UnavailableException.RETRY_AFTER_SECONDS))
                .json(Map.of("error", message, "retryAfterSeconds", UnavailableException.RETRY_AFTER_SECONDS));
    }
}
