package io.scraptrace.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Site;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.streams.aggregates.RegionContribution;
import io.scraptrace.streams.lots.LotState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The contract JSON of a lot. A lot is {@code GRADING} while readings keep arriving and
 * {@code GRADED} once none was graded for the idle period (there is no "lot closed" event);
 * {@code flags} holds {@value #UNREGISTERED_SITE} when its site is missing from the registry.
 */
public final class LotJson {
    /** Flag of a lot whose site is missing from the registry. */
    public static final String UNREGISTERED_SITE = "UNREGISTERED_SITE";

    private LotJson() {
    }

    /** The lot as seen at {@code now}, from {@code site} (empty when unregistered). */
    public static JsonNode render(LotState lot, Optional<Site> site, Instant now, Duration idle) {
        String dominant = lot.dominantGrade();
        boolean graded = Duration.between(Instant.ofEpochMilli(lot.lastGradedAt()), now).compareTo(idle) >= 0;
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
}
