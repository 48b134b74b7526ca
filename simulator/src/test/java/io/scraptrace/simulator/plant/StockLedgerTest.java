package io.scraptrace.simulator.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Material;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StockLedgerTest {
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private final StockLedger ledger = new StockLedger();

    @Test
    void lotsSettleWhenClosedAndEveryReadingIsAnswered() {
        Lot lot = lot("L-1", 100);
        reading(lot, 60, true, T0);
        assertTrue(ledger.declarable("S-1", Material.FERROUS, T0).isEmpty(), "still open");
        reading(lot, 50, false, T0.plusSeconds(1));
        assertEquals(List.of(lot), ledger.declarable("S-1", Material.FERROUS, T0.plusSeconds(1)));
        assertEquals(60, ledger.acceptedKg("S-1", Material.FERROUS), 1e-9, "rejected readings do not count");
    }

    @Test
    void declarationsClaimLotsAndAreDatedForTheRulesLag() {
        Lot first = lot("L-1", 10);
        reading(first, 10, true, T0);
        Lot second = lot("L-2", 10);
        reading(second, 10, true, T0);
        ledger.declared("D-1", "S-1", Material.FERROUS, 9, List.of(first), T0);
        ledger.declared("D-2", "S-1", Material.FERROUS, 8, List.of(), T0.plusSeconds(60));
        assertEquals(List.of(second), ledger.declarable("S-1", Material.FERROUS, T0));
        assertEquals(17, ledger.declaredKg("S-1", Material.FERROUS), 1e-9);
        assertEquals(9, ledger.declaredKgBefore("S-1", Material.FERROUS, T0.plusSeconds(30)), 1e-9);
        assertEquals(List.of(first), ledger.claimedBefore("S-1", Material.FERROUS, "FE_HS", T0));
        assertEquals(10, ledger.claimedKgBefore("S-1", Material.FERROUS, T0), 1e-9, "claimed lots' accepted mass");
        assertEquals(0, ledger.claimedKgBefore("S-1", Material.FERROUS, T0.minusSeconds(1)), 1e-9, "not claimed yet then");
        assertEquals(0, ledger.declaredKg("S-1", Material.COPPER), 1e-9);
    }

    private Lot lot(String id, double targetKg) {
        return new Lot(id, "S-1", "FE_HS", Material.FERROUS, targetKg);
    }

    /** What the simulator does for one reading: emit (the lot closes once full), track, then book the answer. */
    private void reading(Lot lot, double kg, boolean accepted, Instant at) {
        lot.generatedKg += kg;
        lot.pendingReadings++;
        lot.closed = lot.generatedKg >= lot.targetKg;
        ledger.track(lot);
        ledger.answered(lot, kg, accepted, at);
    }
}
