package io.scraptrace.simulator.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.Material;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclarationHistoryTest {
    @Test
    void medianNeedsFiveSamplesAndKeepsTheLastFifty() {
        DeclarationHistory history = new DeclarationHistory();
        for (int i = 1; i <= 4; i++) {
            history.record(declaration("E", 1000, i * 1000.0));
        }
        assertTrue(history.medianPerTonne("7204.49", DeclarationHistory.MIN_SAMPLES).isEmpty());
        history.record(declaration("E", 1000, 5000));
        assertEquals(3000, history.medianPerTonne("7204.49", DeclarationHistory.MIN_SAMPLES).getAsDouble(), 1e-9);
        // 50 more at 100 JPY/t push every earlier value out of the window.
        for (int i = 0; i < 50; i++) {
            history.record(declaration("E", 1000, 100));
        }
        assertEquals(100, history.medianPerTonne("7204.49", DeclarationHistory.MIN_SAMPLES).getAsDouble(), 1e-9);
    }

    @Test
    void exporterMeanIsOverTheLastTwentyDeclarations() {
        DeclarationHistory history = new DeclarationHistory();
        for (int i = 0; i < 20; i++) {
            history.record(declaration("A", 10_000, 1));
        }
        for (int i = 0; i < 10; i++) {
            history.record(declaration("A", 2_000, 1));
        }
        assertEquals((10 * 10_000 + 10 * 2_000) / 20.0, history.exporterMeanKg("A", DeclarationHistory.MIN_SAMPLES).getAsDouble(), 1e-9);
        assertTrue(history.exporterMeanKg("B", DeclarationHistory.MIN_SAMPLES).isEmpty());
    }

    private static ExportDeclaration declaration(String exporter, double massKg, double valueJpy) {
        return ExportDeclaration.newBuilder()
                .setDeclarationId("D").setExporterId(exporter).setSiteId("S-TKY-01").setPort("JP-13")
                .setHsCode("7204.49").setDeclaredMaterial(Material.FERROUS).setMassKg(massKg).setValueJpy(valueJpy)
                .setDestination("KR").setLotIds(List.of("L-1")).setTimestamp(Instant.EPOCH).build();
    }
}
