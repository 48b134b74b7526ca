package io.scraptrace.ingest.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scraptrace.avro.Label;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RECEIVED = Instant.parse("2026-11-29T10:00:00Z");
    private static final String GRADE = GradeCatalogue.get().codes().get(0);
    private final LabelValidator labels = new LabelValidator(GradeCatalogue.get());

    private static ObjectNode label() {
        return JSON.createObjectNode().put("labelId", "LB-1").put("siteId", "S-1").put("lotId", "L-1")
                .put("grade", GRADE).put("labelledBy", "inspector-7").put("labelledAt", "2026-11-29T09:30:00Z");
    }

    private List<String> fields(ObjectNode item) {
        return labels.validate(item, RECEIVED).violations().stream().map(Violation::field).toList();
    }

    @Test
    void aLotLabelNeedsNoEventIdAndKeepsWhoWhenAndWhy() {
        Label record = labels.validate(label().put("note", "assay A-19").put(LabelValidator.PRINCIPAL, "operator@JP-13#2"), RECEIVED).record();

        assertNull(record.getEventId());
        assertEquals(GRADE, record.getGrade());
        assertEquals("inspector-7", record.getLabelledBy());
        assertEquals(Instant.parse("2026-11-29T09:30:00Z"), record.getLabelledAt());
        assertEquals("assay A-19", record.getNote());
        assertEquals("operator@JP-13#2", record.getPrincipal());
        assertEquals(RECEIVED, record.getReceivedAt());
    }

    @Test
    void aReadingLabelNamesItsEvent() {
        assertEquals("E-9", labels.validate(label().put("eventId", "E-9"), RECEIVED).record().getEventId());
    }

    @Test
    void theGradeMustBeACatalogueCodeAndNotUncertain() {
        assertEquals(List.of("grade"), fields(label().put("grade", "STAINLESS_304")));
        assertEquals(List.of("grade"), fields(label().put("grade", "UNCERTAIN")));
        assertEquals(List.of("grade"), fields(label().put("grade", GRADE.toLowerCase())));
    }

    @Test
    void everyMissingRequiredFieldIsNamed() {
        assertEquals(List.of("labelId", "siteId", "lotId", "grade", "labelledBy", "labelledAt"),
                fields(JSON.createObjectNode().put("note", "no fields")));
    }

    @Test
    void aLabelFromTheFutureOrWithANovelIsRefused() {
        assertEquals(List.of("labelledAt"), fields(label().put("labelledAt", "2026-11-29T10:06:00Z")));
        assertEquals(List.of("note"), fields(label().put("note", "x".repeat(LabelValidator.MAX_NOTE_LENGTH + 1))));
        assertEquals(List.of("eventId"), fields(label().put("eventId", 42)));
    }

    @Test
    void notAnObjectIsRejectedAsAWhole() {
        assertEquals(List.of(Violation.NOT_AN_OBJECT), labels.validate(JSON.createArrayNode(), RECEIVED).violations());
    }
}
