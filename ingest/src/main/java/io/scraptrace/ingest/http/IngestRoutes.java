package io.scraptrace.ingest.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.http.ApiException;
import io.scraptrace.core.http.Auth;
import io.scraptrace.core.http.ErrorDetail;
import io.scraptrace.core.http.Routes;
import io.scraptrace.ingest.intake.BodyFormat;
import io.scraptrace.ingest.intake.BodyParser;
import io.scraptrace.ingest.intake.CheckedBatch;
import io.scraptrace.ingest.intake.CheckedItem;
import io.scraptrace.ingest.intake.Intake;
import io.scraptrace.ingest.intake.IntakeResult;
import io.scraptrace.ingest.intake.ParsedItem;
import io.scraptrace.ingest.intake.RecordKind;
import io.scraptrace.ingest.intake.RecordKinds;
import io.scraptrace.ingest.publish.KafkaUnavailableException;
import io.scraptrace.ingest.sites.SiteRegions;
import io.scraptrace.ingest.validation.LabelValidator;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.RetriableException;

/**
 * The write endpoints (CONTRACT section 2): {@code POST /v1/readings}, {@code POST /v1/frames},
 * {@code POST /v1/exports}, {@code PUT /v1/sites/{siteId}} and {@code POST /v1/labels}.
 *
 * <p>Order of checks: token and role (401/403), announced size (413), load (429), body and its
 * size (413), scope of every item (403 for the whole request: a plant token posting for another
 * site is a misconfiguration or worse, so none of its items is taken; an operator's items must
 * name sites registered in its regions), validation per item, then
 * one Kafka transaction for accepted records and dead letters. 202 once it committed; 400 when
 * every item was rejected; 503 when Kafka did not acknowledge, with nothing committed.
 */
public final class IngestRoutes implements Routes {
    private final Intake intake;
    private final RecordKinds kinds;
    private final BodyParser parser;
    private final BodyReader bodies;
    private final Admission admission;
    private final int maxItems;
    private final MultipartFrames multipartFrames;
    private final SiteRegions siteRegions;

    /**
     * @param intake    the shared ingest path
     * @param kinds     record kinds
     * @param bodies    body reader with the size limit
     * @param admission load shedding
     * @param maxItems  most items one request may hold (413 beyond)
     * @param siteRegions the region of each registered site, for operators' scope
     */
    public IngestRoutes(Intake intake, RecordKinds kinds, BodyReader bodies, Admission admission, int maxItems,
                        SiteRegions siteRegions) {
        this.intake = intake;
        this.kinds = kinds;
        this.parser = new BodyParser(maxItems);
        this.bodies = bodies;
        this.admission = admission;
        this.maxItems = maxItems;
        this.multipartFrames = new MultipartFrames();
        this.siteRegions = siteRegions;
    }

    @Override
    public void register(Javalin app, Auth auth) {
        app.post("/v1/readings", ctx -> ingest(ctx, auth.require(ctx, Role.PLANT), kinds.readings(), this::bodyItems));
        app.post("/v1/frames", ctx -> ingest(ctx, auth.require(ctx, Role.PLANT), kinds.frames(),
                (c, kind, receivedAt) -> MultipartFrames.isMultipart(c)
                        ? check(multipartFrames.items(c), kind, receivedAt) : bodyItems(c, kind, receivedAt)));
        app.post("/v1/exports", ctx -> ingest(ctx, auth.require(ctx, Role.REGULATOR), kinds.exports(), this::bodyItems));
        app.put("/v1/sites/{siteId}", ctx -> ingest(ctx, auth.require(ctx, Role.REGULATOR), kinds.sites(),
                (c, kind, receivedAt) -> check(siteItem(c), kind, receivedAt)));
        // Regulators too: an inspection or a customs laboratory's assay is the best label there is.
        app.post("/v1/labels", ctx -> {
            Principal principal = auth.require(ctx, Role.PLANT, Role.OPERATOR, Role.REGULATOR);
            ingest(ctx, principal, kinds.labels(), (c, kind, receivedAt) -> check(signed(treeItems(c), principal), kind, receivedAt));
        });
    }

    /** How a route turns its request into validated items. */
    @FunctionalInterface
    private interface ItemReader<T extends SpecificRecord> {
        List<CheckedItem<T>> read(Context ctx, RecordKind<T> kind, Instant receivedAt);
    }

    private <T extends SpecificRecord> void ingest(Context ctx, Principal principal, RecordKind<T> kind, ItemReader<T> reader) {
        bodies.checkDeclaredLength(ctx);
        Admission.Ticket ticket = admission.admit(bodies.expectedBytes(ctx));
        try {
            Instant receivedAt = Instant.now();
            List<CheckedItem<T>> items = reader.read(ctx, kind, receivedAt);
            if (items.isEmpty()) {
                throw ApiException.badRequest(null, "empty body: send one JSON object, a JSON array or NDJSON");
            }
            if (items.size() > maxItems) {
                throw new ApiException(413, items.size() + " items, more than " + maxItems + ": split them into several requests");
            }
            requireScope(principal, items, receivedAt);
            IntakeResult result = intake.submit(new CheckedBatch<>(kind, items), "http:" + ctx.path());
            if (result.accepted() == 0) {
                throw new ApiException(400, "all " + result.rejected() + " items were rejected", result.errors());
            }
            ctx.status(202).json(result);
        } catch (KafkaUnavailableException e) {
            ctx.header("Retry-After", "5");
            throw new ApiException(503, "Kafka is unreachable: nothing in this request was accepted, safe to retry");
        } catch (RetriableException e) {
            // Thrown before anything is sent, e.g. the schema registry unreachable while encoding.
            ctx.header("Retry-After", "5");
            throw new ApiException(503, e.getMessage() + ": nothing in this request was accepted, safe to retry");
        } finally {
            ticket.close();
        }
    }

    private <T extends SpecificRecord> List<CheckedItem<T>> bodyItems(Context ctx, RecordKind<T> kind, Instant receivedAt) {
        return parser.check(bodies.read(ctx), BodyFormat.of(ctx.contentType()), kind, receivedAt);
    }

    private List<ParsedItem> treeItems(Context ctx) {
        return parser.parse(bodies.read(ctx), BodyFormat.of(ctx.contentType()));
    }

    private static <T extends SpecificRecord> List<CheckedItem<T>> check(List<ParsedItem> items, RecordKind<T> kind, Instant receivedAt) {
        return CheckedItem.all(items, kind.validator(), receivedAt);
    }

    /** A site is one object; its siteId is the path's, and a body stating another one is a mistake. */
    private List<ParsedItem> siteItem(Context ctx) {
        String pathSiteId = ctx.pathParam("siteId");
        List<ParsedItem> items = parser.parse(bodies.read(ctx), BodyFormat.JSON);
        if (items.size() != 1 || items.get(0).index() != null) {
            throw ApiException.badRequest(null, "must be one JSON object");
        }
        ParsedItem item = items.get(0);
        if (item.json() != null && item.json().isObject()) {
            String bodySiteId = item.claimedSiteId();
            if (bodySiteId == null && !item.json().has("siteId")) {
                ((ObjectNode) item.json()).put("siteId", pathSiteId);
            } else if (bodySiteId != null && !bodySiteId.equals(pathSiteId)) {
                throw ApiException.badRequest("siteId", "must equal the siteId in the path (" + pathSiteId + ")");
            }
        }
        return items;
    }

    /** Items stamped with the token that posted them, over whatever the body said. */
    private static List<ParsedItem> signed(List<ParsedItem> items, Principal principal) {
        items.stream().filter(item -> item.json() != null && item.json().isObject())
                .forEach(item -> ((ObjectNode) item.json()).put(LabelValidator.PRINCIPAL, principal.name()));
        return items;
    }

    private void requireScope(Principal principal, List<? extends CheckedItem<?>> items, Instant receivedAt) {
        if (principal.is(Role.REGULATOR)) {
            return;
        }
        // Once per site, not per item: an operator's lookup of an unregistered site may wait for the reader.
        Map<String, Optional<String>> verdicts = new HashMap<>();
        List<ErrorDetail> foreign = items.stream()
                .filter(item -> item.claimedSiteId() != null)
                .map(item -> verdicts.computeIfAbsent(item.claimedSiteId(), siteId -> outOfScope(principal, siteId, receivedAt))
                        .map(reason -> new ErrorDetail(item.index(), "siteId", reason)))
                .flatMap(Optional::stream)
                .toList();
        if (!foreign.isEmpty()) {
            throw new ApiException(403, "token is not scoped to every site in this request: nothing was accepted", foreign);
        }
    }

    /** Why {@code siteId} is outside the principal's scope, if it is: plants by site, operators by the site's region. */
    private Optional<String> outOfScope(Principal principal, String siteId, Instant receivedAt) {
        if (!principal.is(Role.OPERATOR)) {
            return principal.covers(siteId) ? Optional.empty() : Optional.of("token is not scoped to " + siteId);
        }
        Optional<String> region = siteRegions.regionOf(siteId, receivedAt);
        if (region.isEmpty()) {
            return Optional.of("site " + siteId + " is not registered: an operator's scope is the regions of registered sites");
        }
        return principal.covers(region.get()) ? Optional.empty()
                : Optional.of("site " + siteId + " is in " + region.get() + ", outside this token's regions");
    }
}
