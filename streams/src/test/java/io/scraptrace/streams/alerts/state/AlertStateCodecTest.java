package io.scraptrace.streams.alerts.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scraptrace.avro.Material;
import io.scraptrace.streams.alerts.model.AnswerTally;
import io.scraptrace.streams.alerts.model.Declaration;
import io.scraptrace.streams.alerts.model.DeclarationHeader;
import io.scraptrace.streams.alerts.model.DeclaredLot;
import io.scraptrace.streams.alerts.model.LotAnswer;
import io.scraptrace.streams.alerts.model.LotFacts;
import io.scraptrace.streams.alerts.model.SiteStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class AlertStateCodecTest {
    private static final LotFacts FE = new LotFacts("S1", Map.of("FE_H1", 1000.1, "UNCERTAIN", 0.3), 3, 2.7, Set.of("m-1", "m-2"));
    private static final LotFacts CU = new LotFacts("S2", Map.of("CU_NO1", 0.7), 1, 0.9, Set.of("m-2"));

    @Test
    void headerRoundTripsWithoutTheLotList() {
        Declaration declaration = new Declaration("D|1", "X-1", "S1", "JP-14", "7204.49", Material.FERROUS, null, 2_000.5, 110_000,
                "VN", List.of("L1", "L2"), 1_780_000_000_000L, new SiteStatus(true, "JP-13", true, "2027-01-01"));
        AnswerTally tally = AnswerTally.empty().plus(FE).plus(CU);
        DeclarationHeader header = DeclarationHeader.empty().withDeclaration(declaration, 2, 1, 1, 250.0)
                .withAnswers(tally, 2, 1).decidedAs("digest");
        DeclarationHeader read = roundTrip(DeclarationHeaderCodec.serde(), header);
        assertEquals(header, read);
        assertNull(read.declaration().lotIds(), "the lot list is stored apart, once");
        assertEquals(DeclarationHeader.empty(), roundTrip(DeclarationHeaderCodec.serde(), DeclarationHeader.empty()));
    }

    @Test
    void declaredLotRoundTripsWithAndWithoutAnAnswer() {
        DeclaredLot answered = new DeclaredLot(false, new LotAnswer("D1", "L1", FE, "D0"));
        assertEquals(answered, roundTrip(DeclaredLotCodec.serde(), answered));
        assertEquals(DeclaredLot.UNANSWERED, roundTrip(DeclaredLotCodec.serde(), DeclaredLot.UNANSWERED));
        assertEquals(List.of("L2", "L1", "L2"), roundTrip(LotListCodec.serde(), List.of("L2", "L1", "L2")));
    }

    @Test
    void anAnswerTakenOutLeavesExactlyTheOthers() {
        LotFacts tiny = new LotFacts("S1", Map.of("FE_H1", 0.1), 1, 0.1, Set.of("m-3"));
        AnswerTally without = AnswerTally.empty().plus(FE).plus(CU);
        AnswerTally replaced = AnswerTally.empty().plus(FE).plus(tiny).plus(CU).minus(tiny);
        assertEquals(without.massByGradeKg(), replaced.massByGradeKg());
        assertEquals(0, without.confidenceSum().compareTo(replaced.confidenceSum()));
        assertEquals(without.modelVersions(), replaced.modelVersions(), "m-3 left with the only answer naming it");
        assertEquals(without.readings(), replaced.readings());
        assertEquals(Set.of("CU_NO1"), AnswerTally.empty().plus(FE).plus(CU).minus(FE).grades().keySet(), "a grade no answer carries is gone");
    }

    @Test
    void anotherFormatIsRefusedByName() {
        byte[] json = "{\"declaration\":null}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SerializationException e = assertThrows(SerializationException.class, () -> DeclarationHeaderCodec.serde().deserializer().deserialize("t", json));
        assertEquals(true, e.getMessage().contains("reset the streams application"), e.getMessage());
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
