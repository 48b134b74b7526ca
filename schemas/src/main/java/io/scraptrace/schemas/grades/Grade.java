package io.scraptrace.schemas.grades;

import io.scraptrace.avro.Material;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scrap grade of the catalogue: a model label with its material, high-grade flag and the
 * measurable criteria it is defined by.
 *
 * @param code             stable label, e.g. {@code FE_HS}
 * @param name             human name
 * @param material         material family
 * @param highGrade        whether it counts as high grade (tramp limits, payable content)
 * @param valueClass       1 premium, 2 standard, 3 low or off-spec, within its material: a declared
 *                         grade with a higher number than the measured one is under-declared
 * @param baselControlled  whether export needs Basel prior informed consent
 * @param hsCodes          HS codes it is normally declared under
 * @param criteria         the defining criteria in words
 * @param limits           maximum wt% of tramp elements
 * @param payable          elements a buyer pays for (black mass)
 * @param composition      element -> wt% range
 * @param densityGcc       density range
 * @param magneticFraction magnetic fraction range
 * @param thicknessMm      thickness range, null for powders
 * @param sources          keys into the catalogue's source list
 */
public record Grade(String code, String name, Material material, boolean highGrade, int valueClass, boolean baselControlled,
                   List<String> hsCodes, String criteria, Map<String, Double> limits, List<String> payable,
                   Map<String, Range> composition, Range densityGcc, Range magneticFraction, Range thicknessMm,
                   List<String> sources) {

    /** The label of readings the model is not confident about; not a catalogue grade. */
    public static final String UNCERTAIN = "UNCERTAIN";

    public Grade {
        hsCodes = hsCodes == null ? List.of() : List.copyOf(hsCodes);
        // Keep the file's order: Map.copyOf iterates in an order that changes from JVM to JVM, and
        // generators seeded for reproducible training data walk these maps.
        limits = ordered(limits);
        payable = payable == null ? List.of() : List.copyOf(payable);
        composition = ordered(composition);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
