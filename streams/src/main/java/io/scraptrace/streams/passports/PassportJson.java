package io.scraptrace.streams.passports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Site;
import io.scraptrace.core.http.ApiServer;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.streams.aggregates.RegionContribution;
import io.scraptrace.streams.alerts.model.LotClaims;
import io.scraptrace.streams.alerts.model.LotRequest;
import io.scraptrace.streams.lots.LotDigest;
import io.scraptrace.streams.lots.LotState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The passport of a lot: what a downstream buyer or a battery passport needs about where a lot of
 * black mass or graded scrap came from and what it is, with the running digest that
 * {@code scraptrace verify-lot} recomputes from the graded topic. Field names follow the Battery Pass
 * data model (Battery Pass Consortium, BatteryPassDataModel v1.2.0,
 * https://github.com/batterypass/BatteryPassDataModel) where one fits: {@code manufacturingPlace} and
 * {@code manufacturingDate} (GeneralProductInformation 1.2.0) and {@code recycledContent[]} with
 * {@code recycledMaterial} (Circularity 1.2.0, values Lithium/Nickel/Cobalt). README maps every field.
 */
public final class PassportJson {
    /** Battery Pass names of the elements a passport reports, by symbol (Circularity 1.2.0 RecycledMaterial). */
    static final Map<String, String> RECYCLED_MATERIAL = Map.of("Li", "Lithium", "Ni", "Nickel", "Co", "Cobalt");
    /** Version of this document's layout. */
    public static final String VERSION = "1";

    private PassportJson() {
    }

    /**
     * The passport of {@code lot}.
     *
     * @param site   its site, empty when unregistered
     * @param status the lot's status now (GRADING, GRADED, NEEDS_INSPECTION)
     * @param claims declarations that listed the lot, first claimant first
     * @param issued when the passport is issued
     */
    public static JsonNode render(LotState lot, Optional<Site> site, String status, LotClaims claims, Instant issued) {
        ObjectNode node = ApiServer.JSON.createObjectNode()
                .put("passportVersion", VERSION)
                .put("lotId", lot.lotId())
                .put("status", status)
                .put("issuedAt", issued.toString());
        ObjectNode place = node.putObject("manufacturingPlace").put("siteId", lot.siteId());
        place.put("registered", site.isPresent());
        site.ifPresent(s -> place.put("name", s.getName()).put("type", s.getType().name()).put("licensed", s.getLicensed()));
        String region = site.map(Site::getRegion).orElse(RegionContribution.UNKNOWN_REGION);
        place.put("region", region);
        // ISO 3166-2 codes start with the ISO 3166-1 alpha-2 country code.
        place.put("addressCountry", site.isPresent() && region.length() > 2 && region.charAt(2) == '-' ? region.substring(0, 2) : null);
        node.put("manufacturingDate", Instant.ofEpochMilli(lot.lastReadingAt()).toString());

        String dominant = lot.dominantGrade();
        node.put("material", lot.material().name()).put("dominantGrade", dominant)
                .put("highGrade", GradeCatalogue.get().isHighGrade(dominant)).put("massKg", lot.massKg());
        ObjectNode byGrade = node.putObject("massKgByGrade");
        new TreeMap<>(lot.massKgByGrade()).forEach(byGrade::put);

        ArrayNode recycled = node.putArray("recycledContent");
        double mass = lot.massKg();
        for (String element : LotState.ELEMENTS) {
            double kg = lot.containedKg(element);
            recycled.addObject()
                    .put("recycledMaterial", RECYCLED_MATERIAL.get(element))
                    .put("element", element)
                    .put("containedMassKg", kg)
                    .put("massFractionPct", mass <= 0 ? 0.0 : kg / mass * 100.0);
        }

        ObjectNode grading = node.putObject("grading")
                .put("confidence", lot.confidence())
                .put("meanReadingConfidence", lot.meanConfidence())
                .put("uncertainMassShare", lot.uncertainMassShare())
                .put("readings", lot.readings());
        ArrayNode versions = grading.putArray("modelVersions");
        lot.modelVersions().stream().sorted().forEach(versions::add);

        ArrayNode exports = node.putArray("exports");
        List<LotRequest> requesters = claims.requesters();
        for (int i = 0; i < requesters.size(); i++) {
            LotRequest request = requesters.get(i);
            exports.addObject().put("declarationId", request.declarationId()).put("declaredSiteId", request.declaredSiteId())
                    .put("firstClaim", i == 0);
        }

        node.putObject("timestamps")
                .put("firstReadingAt", Instant.ofEpochMilli(lot.firstReadingAt()).toString())
                .put("lastReadingAt", Instant.ofEpochMilli(lot.lastReadingAt()).toString())
                .put("lastGradedAt", Instant.ofEpochMilli(lot.lastGradedAt()).toString());
        node.putObject("digest")
                .put("algorithm", LotDigest.ALGORITHM)
                .put("value", lot.digest().hex())
                .put("readings", lot.readings());
        return node;
    }
}
