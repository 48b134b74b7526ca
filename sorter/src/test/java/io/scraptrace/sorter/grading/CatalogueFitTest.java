package io.scraptrace.sorter.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.avro.Reading;
import io.scraptrace.avro.Sensor;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import io.scraptrace.sorter.evaluation.ReferenceReadings;
import io.scraptrace.specimens.CorruptionRates;
import io.scraptrace.specimens.PieceGenerator;
import io.scraptrace.specimens.SensorMix;
import io.scraptrace.specimens.SensorRealism;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogueFitTest {
    private static final GradeCatalogue CATALOGUE = GradeCatalogue.get();
    private final CatalogueFit fit = new CatalogueFit(CATALOGUE);

    @Test
    void theFastPathAndTheWordedCheckAgreeOnEveryGrade() {
        // Contaminated pieces and every station type: readings that fit some grades and break others.
        PieceGenerator generator = new PieceGenerator(37, new CorruptionRates(0, 0.5), SensorMix.ALL_STATIONS);
        int misfits = 0;
        for (int i = 0; i < 1500; i++) {
            Reading reading = generator.next().reading();
            boolean[] fits = fit.fits(reading);
            for (int g = 0; g < fits.length; g++) {
                String why = fit.misfit(CATALOGUE.grades().get(g), reading);
                assertEquals(fits[g], why == null, CATALOGUE.grades().get(g).code() + " " + why + ": " + reading);
                misfits += why == null ? 0 : 1;
            }
        }
        assertTrue(misfits > 1000, "too few misfits to compare the two paths: " + misfits);
    }

    @Test
    void realisticReadingsOfCleanPiecesFitTheirOwnGrade() {
        PieceGenerator generator = new PieceGenerator(31, CorruptionRates.NONE, SensorMix.ANALYSERS,
                SensorRealism.REALISTIC.withBiasSigma(0.06));
        for (Grade grade : CATALOGUE.grades()) {
            int misfits = 0;
            String example = null;
            for (int i = 0; i < 400; i++) {
                String why = fit.misfit(grade, generator.next(grade.code()).reading());
                if (why != null) {
                    misfits++;
                    example = why;
                }
            }
            assertTrue(misfits <= 4, grade.code() + ": " + misfits + " of 400 readings misfit, e.g. " + example);
        }
    }

    @Test
    void outOfCatalogueReferenceReadingsFitNoGrade() {
        for (ReferenceReadings.Row row : ReferenceReadings.load()) {
            boolean any = false;
            for (boolean fits : fit.fits(row.reading())) {
                any |= fits;
            }
            if (row.outOfCatalogue()) {
                assertFalse(any, row.id() + " should fit no grade");
            } else {
                assertTrue(fit.fits(row.reading())[CATALOGUE.codes().indexOf(row.expected())], row.id() + " should fit " + row.expected());
            }
        }
    }

    @Test
    void theMisfitNamesTheBrokenCriterion() {
        Reading stainless = xrf(Map.of("Fe", 70.6, "Cr", 18.2, "Ni", 8.1, "Mn", 1.5), 3.0);
        String why = fit.misfit(CATALOGUE.find("FE_H2").orElseThrow(), stainless);
        assertNotNull(why);
        assertTrue(why.contains("above its FE_H2 maximum"), why);
        Reading heavy = xrf(Map.of("Fe", 98.5, "Mn", 0.7, "Cu", 0.12, "Sn", 0.008), 12.0);
        assertNull(fit.misfit(CATALOGUE.find("FE_HS").orElseThrow(), heavy));
        assertTrue(fit.misfit(CATALOGUE.find("FE_H1").orElseThrow(), heavy).startsWith("Cu 0.12 below"), "H1 needs Cu >= 0.20");
        assertTrue(fit.misfit(CATALOGUE.find("FE_H2").orElseThrow(), heavy).startsWith("thickness 12 mm"));
    }

    private static Reading xrf(Map<String, Double> composition, double thicknessMm) {
        return Reading.newBuilder().setEventId("e").setSiteId("s").setStationId("XRF-1").setLotId("l").setTimestamp(Instant.EPOCH)
                .setSensor(Sensor.XRF).setMassKg(10).setComposition(composition).setThicknessMm(thicknessMm).setMagneticFraction(0.99)
                .build();
    }
}
