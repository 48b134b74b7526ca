package io.scraptrace.simulator.plant;

import io.scraptrace.avro.Material;
import java.util.List;

/**
 * A trading house that files export declarations for one material family, to its usual markets.
 *
 * @param exporterId   id on declarations
 * @param material     the material it trades
 * @param destinations ISO 3166-1 alpha-2 countries it ships to (for black mass: only consented ones)
 */
public record Exporter(String exporterId, Material material, List<String> destinations) {
    public Exporter {
        destinations = List.copyOf(destinations);
    }

    /** The exporters of a simulated world: one per material, two for ferrous, the biggest trade. */
    public static final List<Exporter> ALL = List.of(
            new Exporter("EXP-FE-01", Material.FERROUS, List.of("KR", "VN", "TW", "BD")),
            new Exporter("EXP-FE-02", Material.FERROUS, List.of("KR", "TH", "VN")),
            new Exporter("EXP-AL-01", Material.ALUMINIUM, List.of("KR", "TH", "MY", "IN")),
            new Exporter("EXP-CU-01", Material.COPPER, List.of("CN", "MY", "TH", "KR")),
            new Exporter("EXP-NF-01", Material.MIXED_METAL, List.of("MY", "TH", "IN")),
            // Default Basel consents cover black mass to KR and BE only.
            new Exporter("EXP-BM-01", Material.BLACK_MASS, List.of("KR", "BE")));
}
