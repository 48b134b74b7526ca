package io.scraptrace.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Site;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.streams.aggregates.RegionContribution;
import io.scraptrace.streams.lots.LotDigest;
import io.scraptrace.streams.lots.LotState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The contract JSON of a lot. A lot is {@code GRADING} while readings keep arriving and
 * {@code GRADED} once none was graded for the idle period (there is no "lot closed" event), unless
 * more of its mass than the inspection share was graded UNCERTAIN: then it is
 * {@value #NEEDS_INSPECTION} whatever the time, because more readings cannot make the ones the model
 * did not recognise certain. {@code flags} holds {@value #UNREGISTERED_SITE} when its site is missing
 * from the registry.
 */
public final class LotJson {
    /** Flag of a lot whose site is missing from the registry. */
    public static final String UNREGISTERED_SITE = "UNREGISTERED_SITE";
    /** Status of a lot whose UNCERTAIN mass share is above the inspection share. */
    public static final String NEEDS_INSPECTION = "NEEDS_INSPECTION";

    private LotJson() {
    }

    /**
     * The lot as seen at {@code now}, from {@code site} (empty when unregistered).
     *
     * @param inspectionShare UNCERTAIN mass share (0-1) above which the lot needs inspection
     */
    public static JsonNode render(LotState lot, Optional<Site> site, Instant now, Duration idle, double inspectionShare) {
        String dominant = lot.dominantGrade();
        ObjectNode node = ApiServer.JSON.createObjectNode()
                .put("lotId", lot.lotId())
                .put("siteId", lot.siteId())
                .put("region", site.map(Site::getRegion).orElse(RegionContribution.UNKNOWN_REGION))
                .put("status", status(lot, now, idle, inspectionShare));
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
                .put("confidence", lot.confidence())
                .put("meanReadingConfidence", lot.meanConfidence())
                .put("uncertainMassShare", lot.uncertainMassShare())
                .put("inspectionShare", inspectionShare)
                .put("readings", lot.readings())
                .put("firstReadingAt", Instant.ofEpochMilli(lot.firstReadingAt()).toString())
                .put("lastReadingAt", Instant.ofEpochMilli(lot.lastReadingAt()).toString())
                .put("lastGradedAt", Instant.ofEpochMilli(lot.lastGradedAt()).toString());
        ArrayNode versions = node.putArray("modelVersions");
        lot.modelVersions().stream().sorted().forEach(versions::add);
        node.put("digest", lot.digest().hex()).put("digestAlgorithm", LotDigest.ALGORITHM);
        return node;
    }

    /** {@value #NEEDS_INSPECTION}, GRADED or GRADING, as the class comment defines them. */
    public static String status(LotState lot, Instant now, Duration idle, double inspectionShare) {
        if (lot.uncertainMassShare() > inspectionShare) {
            return NEEDS_INSPECTION;
        }
        return Duration.between(Instant.ofEpochMilli(lot.lastGradedAt()), now).compareTo(idle) >= 0 ? "GRADED" : "GRADING";
    }
}
