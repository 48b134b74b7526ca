package io.scraptrace.ingest.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.Material;
import io.scraptrace.avro.SiteType;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportAndSiteValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ExportValidator exports = new ExportValidator(GradeCatalogue.get());
    private final SiteValidator sites = new SiteValidator();

    private static ObjectNode declaration() {
        ObjectNode d = JSON.createObjectNode().put("declarationId", "D-1").put("exporterId", "EX-1").put("siteId", "S-1")
                .put("port", "JP-14").put("hsCode", "8549.11").put("declaredMaterial", "BLACK_MASS")
                .put("massKg", 20000).put("valueJpy", 1.2e7).put("destination", "VN").put("timestamp", "2026-11-25T10:00:00Z");
        d.putArray("lotIds").add("L-1").add("L-2");
        return d;
    }

    private List<String> exportFields(ObjectNode d) {
        return exports.validate(d, Instant.EPOCH).violations().stream().map(Violation::field).toList();
    }

    @Test
    void validDeclaration() {
        ObjectNode d = declaration().put("declaredGrade", GradeCatalogue.get().codes().get(0));
        ExportDeclaration record = exports.validate(d, Instant.EPOCH).record();

        assertEquals(Material.BLACK_MASS, record.getDeclaredMaterial());
        assertEquals(List.of("L-1", "L-2"), record.getLotIds());
        assertEquals(GradeCatalogue.get().codes().get(0), record.getDeclaredGrade());
    }

    @Test
    void codesAreCheckedAgainstTheirStandards() {
        assertEquals(List.of("hsCode"), exportFields(declaration().put("hsCode", "854911")));
        assertEquals(List.of("destination"), exportFields(declaration().put("destination", "XX")));
        assertEquals(List.of("port"), exportFields(declaration().put("port", "Tokyo")));
        assertEquals(List.of("declaredMaterial"), exportFields(declaration().put("declaredMaterial", "UNKNOWN")));
        assertEquals(List.of("declaredGrade"), exportFields(declaration().put("declaredGrade", "NOT_A_GRADE")));
    }

    @Test
    void lotIdsMustBeANonEmptyArrayOfIds() {
        ObjectNode empty = declaration();
        empty.putArray("lotIds");
        ObjectNode badElement = declaration();
        badElement.putArray("lotIds").add("L-1").add(5);

        assertEquals(List.of("lotIds"), exportFields(empty));
        assertEquals(List.of("lotIds[1]"), exportFields(badElement));
    }

    @Test
    void siteNeedsRegionTypeAndLicenceFlag() {
        ObjectNode site = JSON.createObjectNode().put("siteId", "S-1").put("name", "Tokyo Yard").put("region", "JP-13")
                .put("type", "SHREDDER").put("licensed", true).put("licenseExpires", "2027-03-31");

        assertEquals(SiteType.SHREDDER, sites.validate(site, Instant.EPOCH).record().getType());
        assertEquals(List.of("region", "licensed", "licenseExpires"),
                sites.validate(site.deepCopy().put("region", "ZZ-13").put("licensed", "yes").put("licenseExpires", "31/03/2027"), Instant.EPOCH)
                        .violations().stream().map(Violation::field).toList());
    }

    @Test
    void geographyKnowsRealCodesOnly() {
        assertTrue(Geography.isCountry("JP") && Geography.isCountry("VN"));
        assertTrue(!Geography.isCountry("XX") && !Geography.isCountry("jp"));
        assertTrue(Geography.isRegion("JP-13") && Geography.isRegion("US-CA"));
        assertTrue(!Geography.isRegion("JP13") && !Geography.isRegion("QQ-13"));
        assertEquals(118, Elements.count());
    }
}
