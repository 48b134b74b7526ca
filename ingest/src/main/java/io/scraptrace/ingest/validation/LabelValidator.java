package io.scraptrace.ingest.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.scraptrace.avro.Label;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.time.Instant;
import java.util.List;

/**
 * Validates grade labels (CONTRACT section 2, {@code POST /v1/labels}): a person's confirmation
 * or correction of the grade of one reading ({@code eventId}) or of every reading of a lot.
 * {@code principal} is not the body's to state: the route sets it from the token before validation.
 */
public final class LabelValidator implements ItemValidator<Label> {
    /** The JSON field the route fills with the token's name. */
    public static final String PRINCIPAL = "principal";
    /** A note explains a judgement (an assay number, an inspection report); it is not a document store. */
    static final int MAX_NOTE_LENGTH = 2000;

    private final GradeCatalogue grades;

    /** @param grades the catalogue whose codes {@code grade} may take */
    public LabelValidator(GradeCatalogue grades) {
        this.grades = grades;
    }

    @Override
    public Validated<Label> validate(JsonNode item, Instant receivedAt) {
        if (!item.isObject()) {
            return Validated.invalid(List.of(Violation.NOT_AN_OBJECT));
        }
        JsonFields fields = new JsonFields(item);
        String labelId = fields.id("labelId");
        String siteId = fields.id("siteId");
        String lotId = fields.id("lotId");
        String eventId = fields.optionalId("eventId");
        // UNCERTAIN is not in the catalogue: a label is a person's judgement, "I don't know" teaches nothing.
        String grade = fields.text("grade", code -> grades.find(code).isPresent(), "a grade code of GET /v1/grades");
        String labelledBy = fields.id("labelledBy");
        Instant labelledAt = fields.pastInstant("labelledAt", receivedAt.plus(PlantEvent.MAX_CLOCK_SKEW));
        String note = fields.isAbsent("note") ? null
                : fields.text("note", text -> text.length() <= MAX_NOTE_LENGTH, "at most " + MAX_NOTE_LENGTH + " characters");
        String principal = fields.optionalId(PRINCIPAL);
        if (!fields.ok()) {
            return Validated.invalid(fields.violations());
        }
        return Validated.valid(new Label(labelId, siteId, lotId, eventId, grade, labelledBy, labelledAt, note, principal, receivedAt));
    }
}
