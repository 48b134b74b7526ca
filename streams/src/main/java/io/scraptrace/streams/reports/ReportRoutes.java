package io.scraptrace.streams.reports;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.http.ApiException;
import io.scraptrace.core.http.Auth;
import io.scraptrace.core.http.Routes;
import io.scraptrace.streams.aggregates.AggregateWindow;
import io.scraptrace.streams.alerts.AlertsTopology;
import io.scraptrace.streams.query.AggregateViews;
import io.scraptrace.streams.query.AlertFilter;
import io.scraptrace.streams.query.AlertViews;
import io.scraptrace.streams.query.QueryParams;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * The downloads an analyst opens in a spreadsheet, as CSV (RFC 4180, header row) or JSON:
 * {@code /v1/reports/alerts.csv|json} (regulator; the alert list's filters, {@code from}/{@code to}
 * on the declaration time) and {@code /v1/reports/regions.csv|json?window=1h|1d} (regulator, or an
 * operator for its own regions; {@code from}/{@code to} on the window start). Rows are in store
 * order, instance by instance.
 */
public final class ReportRoutes implements Routes {
    private final ReportStreamer streamer;
    private final AlertViews alerts;
    private final AggregateViews aggregates;
    private final AlertReport alertReport = new AlertReport();
    private final RegionReport regionReport = new RegionReport();

    public ReportRoutes(ReportStreamer streamer, AlertViews alerts, AggregateViews aggregates) {
        this.streamer = streamer;
        this.alerts = alerts;
        this.aggregates = aggregates;
    }

    @Override
    public void register(Javalin app, Auth auth) {
        for (ReportFormat format : ReportFormat.values()) {
            app.get("/v1/reports/alerts." + format.extension(), ctx -> {
                auth.require(ctx, Role.REGULATOR);
                alertsReport(ctx, format);
            });
            app.get("/v1/reports/regions." + format.extension(), ctx -> regionsReport(ctx, format, auth.require(ctx, Role.OPERATOR, Role.REGULATOR)));
        }
    }

    private void alertsReport(Context ctx, ReportFormat format) {
        AlertFilter filter = AlertFilter.of(ctx);
        streamer.stream(ctx, new ReportStreamer.Source<AlertReport.Item>(AlertsTopology.ALERTS_STORE, QueryableStoreTypes.keyValueStore(),
                sink -> alerts.forEach(filter, (alert, current) -> sink.accept(new AlertReport.Item(alert, current)))),
                alertReport, format, "scraptrace-alerts");
    }

    private void regionsReport(Context ctx, ReportFormat format, Principal caller) {
        String label = Optional.ofNullable(ctx.queryParam("window")).orElse(AggregateWindow.DAY.label());
        AggregateWindow window = AggregateWindow.byLabel(label).filter(AggregateWindow::windowed)
                .orElseThrow(() -> ApiException.badRequest("window", "must be 1h or 1d"));
        Instant from = QueryParams.instant(ctx, "from", Instant.EPOCH);
        Instant to = QueryParams.instant(ctx, "to", QueryParams.LATEST);
        streamer.stream(ctx, new ReportStreamer.Source<>(window.storeName(), QueryableStoreTypes.windowStore(),
                sink -> aggregates.forEach(window, from, to, region -> caller.is(Role.REGULATOR) || caller.covers(region), sink)),
                regionReport, format, "scraptrace-regions-" + window.label());
    }
}
