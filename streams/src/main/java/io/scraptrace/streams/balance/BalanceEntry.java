package io.scraptrace.streams.balance;

import io.scraptrace.avro.ExportDeclaration;
import io.scraptrace.avro.GradedReading;
import io.scraptrace.schemas.grades.GradeCatalogue;

/**
 * One movement of a site's stock: graded intake (a reading) or a declared export. Both inputs are
 * turned into this one shape so they share a single repartition by siteId.
 *
 * @param material   material family
 * @param grade      grade code; for exports the declared grade, null when none was declared
 * @param intakeKg   graded mass coming in
 * @param exportedKg declared mass going out
 */
public record BalanceEntry(String material, String grade, double intakeKg, double exportedKg) {

    /** The intake a graded reading adds (UNCERTAIN readings count under material UNKNOWN). */
    public static BalanceEntry intake(GradedReading reading) {
        return new BalanceEntry(GradeCatalogue.get().materialOf(reading.getGrade()).name(), reading.getGrade(), reading.getMassKg(), 0.0);
    }

    /** The export a declaration subtracts. */
    public static BalanceEntry export(ExportDeclaration declaration) {
        return new BalanceEntry(declaration.getDeclaredMaterial().name(), declaration.getDeclaredGrade(), 0.0, declaration.getMassKg());
    }
}
