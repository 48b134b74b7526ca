package io.scraptrace.simulator.plant;

import io.scraptrace.avro.ExportDeclaration;
import java.util.List;

/**
 * An export declaration the simulator is about to file, with what the alert rules should say.
 *
 * @param declaration the declaration
 * @param expected    alert codes it must raise (empty for a clean one)
 * @param nearMiss    codes it comes close to without raising them
 * @param claims      lots it claims (booked as claimed once ingest accepts it)
 */
record PlannedDeclaration(ExportDeclaration declaration, List<AlertCode> expected, List<AlertCode> nearMiss,
                          List<Lot> claims) {
    PlannedDeclaration {
        expected = List.copyOf(expected);
        nearMiss = List.copyOf(nearMiss);
        claims = List.copyOf(claims);
    }
}
