package io.scraptrace.ingest.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.Material;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** Validates export declarations (CONTRACT section 3, ExportDeclaration). */
public final class ExportValidator implements ItemValidator<ExportDeclaration> {
    private static final Pattern HS_CODE = Pattern.compile("\\d{4}\\.\\d{2}");
    /** UNKNOWN is the Avro reader default for future symbols, not something a declarant may state. */
    private static final Material[] DECLARABLE = {Material.FERROUS, Material.ALUMINIUM, Material.COPPER,
            Material.MIXED_METAL, Material.BLACK_MASS};

    private final GradeCatalogue grades;

    /** @param grades the catalogue whose codes {@code declaredGrade} may take */
    public ExportValidator(GradeCatalogue grades) {
        this.grades = grades;
    }

    @Override
    public Validated<ExportDeclaration> validate(JsonNode item, Instant receivedAt) {
        if (!item.isObject()) {
            return Validated.invalid(List.of(Violation.NOT_AN_OBJECT));
        }
        JsonFields fields = new JsonFields(item);
        String declarationId = fields.id("declarationId");
        String exporterId = fields.id("exporterId");
        String siteId = fields.id("siteId");
        String port = fields.text("port", Geography::isRegion, "an ISO 3166-2 region code, e.g. JP-13");
        String hsCode = fields.text("hsCode", code -> HS_CODE.matcher(code).matches(), "an HS code NNNN.NN, e.g. 7204.49");
        Material material = fields.symbol("declaredMaterial", DECLARABLE);
        String grade = declaredGrade(fields);
        double massKg = fields.number("massKg", Bounds.positive());
        double valueJpy = fields.number("valueJpy", Bounds.nonNegative());
        String destination = fields.text("destination", Geography::isCountry, "an ISO 3166-1 alpha-2 country code, e.g. VN");
        List<String> lotIds = fields.idList("lotIds");
        Instant timestamp = fields.instant("timestamp");
        if (!fields.ok()) {
            return Validated.invalid(fields.violations());
        }
        return Validated.valid(new ExportDeclaration(declarationId, exporterId, siteId, port, hsCode, material, grade,
                massKg, valueJpy, destination, lotIds, timestamp, receivedAt));
    }

    private String declaredGrade(JsonFields fields) {
        if (fields.isAbsent("declaredGrade")) {
            return null;
        }
        return fields.text("declaredGrade", code -> grades.find(code).isPresent(), "a grade code of GET /v1/grades");
    }
}
