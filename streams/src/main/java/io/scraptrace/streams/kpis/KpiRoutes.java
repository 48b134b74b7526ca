package io.scraptrace.streams.kpis;

import io.javalin.Javalin;
import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.http.Auth;
import io.scraptrace.core.http.Routes;
import io.scraptrace.streams.query.ClusterQuery;
import io.scraptrace.streams.query.QueryParams;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code GET /v1/kpis?year=&asOf=}: progress against the targets, nationally (regulators) and per
 * region (operators: their own), gathered from the monthly totals of every instance.
 */
public final class KpiRoutes implements Routes {
    private final ClusterQuery cluster;
    private final KpiViews views;
    private final KpiReport report;
    private final ZoneId zone;
    private final Clock clock;

    public KpiRoutes(ClusterQuery cluster, KpiViews views, KpiReport report, ZoneId zone, Clock clock) {
        this.cluster = cluster;
        this.views = views;
        this.report = report;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public void register(Javalin app, Auth auth) {
        app.get("/v1/kpis", ctx -> {
            Principal caller = auth.require(ctx, Role.OPERATOR, Role.REGULATOR);
            Instant asOf = QueryParams.instant(ctx, "asOf", clock.instant());
            int year = QueryParams.integer(ctx, "year", YearMonth.from(asOf.atZone(zone)).getYear(), 2000, 9999);
            boolean all = caller.is(Role.REGULATOR);
            List<MonthRow> rows = cluster.fanOut(ctx, KpisTopology.STORE, "months",
                    () -> views.months(year, region -> all || caller.covers(region))).stream().map(MonthRow::fromJson).toList();
            ctx.json(report.render(rows, year, asOf, all));
        });
    }
}
