package io.scraptrace.streams.passports;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.http.ApiException;
import io.scraptrace.core.http.Auth;
import io.scraptrace.core.http.Routes;
import io.scraptrace.streams.lots.LotsTopology;
import io.scraptrace.streams.query.ClusterQuery;

/** {@code GET /v1/lots/{lotId}/passport}: answered by the instance owning the lot, from any instance. */
public final class PassportRoutes implements Routes {
    private final ClusterQuery cluster;
    private final PassportViews passports;

    public PassportRoutes(ClusterQuery cluster, PassportViews passports) {
        this.cluster = cluster;
        this.passports = passports;
    }

    @Override
    public void register(Javalin app, Auth auth) {
        app.get("/v1/lots/{lotId}/passport", ctx -> {
            Principal caller = auth.require(ctx, Role.PLANT, Role.OPERATOR, Role.REGULATOR);
            String lotId = ctx.pathParam("lotId");
            JsonNode passport = cluster.byKey(ctx, LotsTopology.STORE, lotId, () -> passports.passport(lotId))
                    .orElseThrow(() -> ApiException.notFound("lot " + lotId));
            if (caller.is(Role.PLANT)) {
                Auth.requireScope(caller, passport.path("manufacturingPlace").path("siteId").asText());
            }
            ctx.json(passport);
        });
    }
}
