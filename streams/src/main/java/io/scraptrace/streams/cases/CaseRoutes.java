package io.scraptrace.streams.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.scraptrace.avro.Case;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.http.ApiException;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.core.http.Auth;
import io.scraptrace.core.http.Routes;
import io.scraptrace.streams.alerts.AlertsTopology;
import io.scraptrace.streams.declarations.DeclarationsTopology;
import io.scraptrace.streams.query.AlertFilter;
import io.scraptrace.streams.query.AlertViews;
import io.scraptrace.streams.query.ClusterQuery;
import io.scraptrace.streams.query.StoreAccess;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The case workflow's endpoints (regulator only):
 * <ul>
 * <li>{@code PUT /v1/alerts/{declarationId}/case} with {@code {"status", "note"}}: 200 with the
 * case once Kafka acknowledged the change; 400 naming the bad field; 404 for a declaration this
 * deployment never received; 409 for a move the {@link CaseWorkflow} forbids. Served by the
 * instance owning the declaration, which serializes the changes of each case.</li>
 * <li>{@code GET /v1/alerts/stats}: {@link CaseStats} over every instance's alerts, with the alert
 * list's filters.</li>
 * </ul>
 * Register these before {@code GET /v1/alerts/{declarationId}}: Javalin takes the first route
 * that matches, and {@code stats} would otherwise be read as a declaration id.
 */
public final class CaseRoutes implements Routes {
    private final ClusterQuery cluster;
    private final StoreAccess stores;
    private final CaseWriter writer;
    private final AlertViews alerts;

    public CaseRoutes(ClusterQuery cluster, StoreAccess stores, CaseWriter writer, AlertViews alerts) {
        this.cluster = cluster;
        this.stores = stores;
        this.writer = writer;
        this.alerts = alerts;
    }

    @Override
    public void register(Javalin app, Auth auth) {
        app.put("/v1/alerts/{declarationId}/case", ctx -> change(ctx, auth.require(ctx, Role.REGULATOR)));
        app.get("/v1/alerts/stats", ctx -> {
            auth.require(ctx, Role.REGULATOR);
            stats(ctx);
        });
    }

    private void change(Context ctx, Principal caller) {
        String id = ctx.pathParam("declarationId");
        CaseRequest request = CaseRequest.parse(ctx.body());
        JsonNode body = cluster.atOwner(ctx, DeclarationsTopology.STORE, id, () -> {
            if (declarations().get(id) == null) {
                return Optional.empty();
            }
            Case changed = writer.change(id, request.status(), request.note(), caller);
            ObjectNode json = ApiServer.JSON.createObjectNode().put("declarationId", id);
            json.setAll(CaseRegistry.json(changed));
            return Optional.of(json);
        }).orElseThrow(() -> ApiException.notFound("declaration " + id));
        ctx.json(body);
    }

    private void stats(Context ctx) {
        AlertFilter filter = AlertFilter.of(ctx);
        List<JsonNode> rows = cluster.fanOut(ctx, AlertsTopology.ALERTS_STORE, "rows", () -> {
            CaseStats stats = new CaseStats();
            alerts.forEach(filter, stats::add);
            return stats.rows();
        });
        if (ClusterQuery.forwarded(ctx)) {
            ObjectNode part = ApiServer.JSON.createObjectNode();
            part.putArray("rows").addAll(rows);
            ctx.json(part);
        } else {
            ctx.json(CaseStats.summary(rows));
        }
    }

    private ReadOnlyKeyValueStore<String, ExportDeclaration> declarations() {
        return stores.local(DeclarationsTopology.STORE, QueryableStoreTypes.keyValueStore());
    }
}
