package io.scraptrace.specimens;

import io.scraptrace.avro.Sensor;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What one sensor type reports and how precisely: its element panel, a limit of detection (LOD)
 * per element and the fields it measures besides composition.
 *
 * <p>Physics (sources): X-ray fluorescence sees magnesium and heavier elements only, and the light
 * ones (Mg, Al, Si, P) weakly because their low-energy lines are absorbed before reaching the
 * detector (Bruker, "Light metal alloys and light elements", https://www.bruker.com/products/x-ray-diffraction-and-elemental-analysis/handheld-xrf/applications/pmi/xrf-light-metal-alloys.html;
 * Portable Scientific, "How does portable XRF work", https://www.portablescientific.com.au/blog/how-does-portable-xrf-work/:
 * "typically in the range ... between Magnesium (Mg) and Uranium (U)"). LIBS is an emission technique
 * that sees every element, light ones included, with sensitivity "in the ppm range"
 * (https://www.spectroscopyonline.com/view/initial-quantitative-measurements-handheld-libs-2). A
 * laboratory assay (ICP-OES with combustion for C) reports every element.
 *
 * <p>The LOD values are model parameters of this generator chosen within those descriptions (tens
 * of ppm for heavy elements, tenths of a percent for Mg by XRF), not vendor specifications.
 * Measurement noise follows the IUPAC reading of a detection limit as three standard deviations of
 * the blank: {@code sigma(c) = sqrt((relativeSigma * c)^2 + (lod / 3)^2)}, so the relative error
 * grows as the concentration falls toward the LOD (33 % at the LOD itself).
 *
 * @param composition   whether it reports element shares at all
 * @param panel         elements it can report; empty with {@code composition} means every element
 * @param lodPct        limit of detection per element, wt%; others use {@code defaultLodPct}
 * @param defaultLodPct limit of detection of elements not in {@code lodPct}
 * @param relativeSigma composition noise relative to the value, far above the LOD
 * @param weakLight     whether Mg/Al/Si/P carry {@value #WEAK_FACTOR} times the relative error (XRF)
 * @param density       whether it reports densityGcc
 * @param magnetic      whether it reports magneticFraction
 * @param thickness     whether it reports thicknessMm (never for powders)
 * @param moisture      whether it reports moisturePct
 * @param massFactor    how many typical portions one reading of this sensor covers
 */
public record SensorProfile(boolean composition, Set<String> panel, Map<String, Double> lodPct, double defaultLodPct,
                            double relativeSigma, boolean weakLight, boolean density, boolean magnetic, boolean thickness, boolean moisture,
                            double massFactor) {

    /** Elements lighter than sodium: no useful X-ray fluorescence. */
    static final Set<String> BELOW_SODIUM = Set.of("H", "Li", "Be", "B", "C", "N", "O", "F");
    /** Light elements XRF does see, but with weak fluorescence: high LOD and several times its usual error. */
    static final Set<String> WEAK_LIGHT = Set.of("Mg", "Al", "Si", "P");
    /** Error multiplier for {@link #WEAK_LIGHT} elements. */
    static final double WEAK_FACTOR = 4.0;

    private static final Map<Sensor, SensorProfile> PROFILES = profiles();

    public SensorProfile {
        panel = Set.copyOf(panel);
        lodPct = Map.copyOf(lodPct);
    }

    /** The profile of a sensor type. */
    public static SensorProfile of(Sensor sensor) {
        return PROFILES.get(sensor);
    }

    /** Whether this sensor can report {@code element} at all. */
    public boolean sees(String element) {
        if (!composition) {
            return false;
        }
        return panel.isEmpty() || panel.contains(element);
    }

    /** Limit of detection of {@code element}, wt%; infinite for elements it cannot see. */
    public double detectionLimit(String element) {
        return sees(element) ? lodPct.getOrDefault(element, defaultLodPct) : Double.POSITIVE_INFINITY;
    }

    /** Standard deviation of a measurement of {@code element} at {@code pct}, with LODs scaled by {@code lodScale}. */
    public double sigma(String element, double pct, double lodScale) {
        double relative = relativeSigma * (weakLight && WEAK_LIGHT.contains(element) ? WEAK_FACTOR : 1);
        double blank = detectionLimit(element) * lodScale / 3;
        return Math.sqrt(relative * pct * relative * pct + blank * blank);
    }

    private static Map<Sensor, SensorProfile> profiles() {
        Map<Sensor, SensorProfile> map = new EnumMap<>(Sensor.class);
        map.put(Sensor.XRF, new SensorProfile(true, xrfPanel(),
                Map.of("Mg", 0.5, "Al", 0.1, "Si", 0.1, "P", 0.03, "Sn", 0.005, "Mo", 0.003),
                0.005, 0.005, true, false, true, true, false, 1));
        map.put(Sensor.LIBS, new SensorProfile(true, Set.of(),
                Map.of("C", 0.02, "P", 0.02, "Sn", 0.01, "Li", 0.005),
                0.01, 0.015, false, false, true, true, false, 1));
        map.put(Sensor.ASSAY, new SensorProfile(true, Set.of(), Map.of(), 0.001, 0.002, false, true, false, false, true, 1));
        map.put(Sensor.XRT, new SensorProfile(false, Set.of(), Map.of(), 0, 0, false, true, true, true, false, 1));
        map.put(Sensor.MAGNETIC, new SensorProfile(false, Set.of(), Map.of(), 0, 0, false, false, true, false, false, 1));
        map.put(Sensor.NIR, new SensorProfile(false, Set.of(), Map.of(), 0, 0, false, false, false, false, true, 1));
        // A weighbridge weighs a whole load, not a piece on a belt.
        map.put(Sensor.WEIGHBRIDGE, new SensorProfile(false, Set.of(), Map.of(), 0, 0, false, false, false, false, false, 25));
        return map;
    }

    /** The elements of the catalogue and the sorter's feature list that XRF can report: Mg and heavier. */
    private static Set<String> xrfPanel() {
        return Set.of("Mg", "Al", "Si", "P", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Mo", "Sn", "Pb");
    }
}
