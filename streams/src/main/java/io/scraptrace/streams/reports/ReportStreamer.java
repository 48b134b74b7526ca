package io.scraptrace.streams.reports;

import io.javalin.http.Context;
import io.scraptrace.streams.query.ClusterQuery;
import io.scraptrace.streams.query.Forwarder;
import io.scraptrace.streams.query.StoreAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a report gathered from every instance: rows are written as the stores are iterated and
 * as other instances' parts arrive, never collected in memory. Each instance is asked for exactly
 * the partitions it owns (as list queries are), so no row is missing or written twice.
 * <p>
 * Everything that can refuse does so before the first byte: the other instances' answers have
 * started (status 200) and the local stores are open, else the reply is a 503 to retry. Should a
 * source still fail midway, the connection is aborted, so the client sees a broken transfer
 * rather than a complete-looking file that lacks rows.
 */
public final class ReportStreamer {
    private static final Logger LOG = LoggerFactory.getLogger(ReportStreamer.class);

    /**
     * Where a report's items come from on each instance.
     *
     * @param store the state store holding them (its partitions decide who writes which rows)
     * @param type  its queryable type, to open it before writing anything
     * @param items passes this instance's items of the partition being read to the consumer
     */
    public record Source<T>(String store, QueryableStoreType<?> type, Consumer<Consumer<T>> items) {
    }

    private final StoreAccess stores;
    private final Forwarder forwarder;

    public ReportStreamer(StoreAccess stores, Forwarder forwarder) {
        this.stores = stores;
        this.forwarder = forwarder;
    }

    /** Answers {@code ctx} with the report {@code name}.{@code format} of {@code source}'s items, from every instance. */
    public <T> void stream(Context ctx, Source<T> source, Report<T> report, ReportFormat format, String name) {
        boolean part = ClusterQuery.forwarded(ctx);
        Set<Integer> local;
        Map<HostInfo, InputStream> others = new LinkedHashMap<>();
        if (part) {
            local = ClusterQuery.forwardedPartitions(ctx);
        } else {
            local = Set.of();
            try {
                for (Map.Entry<HostInfo, Set<Integer>> owner : stores.assignment(source.store()).entrySet()) {
                    if (owner.getKey().equals(stores.self())) {
                        local = owner.getValue();
                    } else {
                        others.put(owner.getKey(), forwarder.stream(owner.getKey(), ClusterQuery.pathAndQuery(ctx),
                                ctx.header("Authorization"), Map.of(ClusterQuery.PARTITIONS_HEADER, ClusterQuery.partitionList(owner.getValue()))));
                    }
                }
            } catch (RuntimeException refused) {
                closeAll(others.values());
                throw refused;
            }
        }
        Set<Integer> mine = local;
        try {
            if (!mine.isEmpty()) {
                stores.readActive(source.store(), mine, () -> stores.local(source.store(), source.type()) != null, Boolean::logicalAnd);
            }
        } catch (RuntimeException refused) {
            closeAll(others.values());
            throw refused;
        }
        ctx.contentType(format.contentType());
        if (!part) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + "." + format.extension() + "\"");
        }
        try {
            ReportFormat.Output<T> out = format.open(report, ctx.outputStream(), part);
            out.begin();
            if (!mine.isEmpty()) {
                stores.readActive(source.store(), mine, () -> {
                    source.items().accept(item -> write(out, item));
                    return true;
                }, Boolean::logicalAnd);
            }
            for (InputStream other : others.values()) {
                out.passOn(other);
            }
            out.end();
        } catch (IOException | RuntimeException broken) {
            LOG.warn("report {}.{} broken off midway: {}", name, format.extension(), broken.toString());
            // The status and some rows are out: only an aborted connection still tells the client the file is incomplete.
            Request.getBaseRequest(ctx.req()).getHttpChannel().abort(broken);
        } finally {
            closeAll(others.values());
        }
    }

    private static <T> void write(ReportFormat.Output<T> out, T item) {
        try {
            out.row(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeAll(Iterable<InputStream> streams) {
        for (InputStream in : streams) {
            try {
                in.close();
            } catch (IOException e) {
                LOG.debug("closing another instance's report part: {}", e.toString());
            }
        }
    }
}
