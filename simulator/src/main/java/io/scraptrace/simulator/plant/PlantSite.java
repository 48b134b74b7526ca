package io.scraptrace.simulator.plant;

import io.scraptrace.avro.Site;
import java.util.Map;

/**
 * A simulated site: its registry entry and the grades its line produces.
 *
 * @param site       the registry entry (PUT /v1/sites/{siteId})
 * @param gradeMix   grade code -> relative share of the lots it produces
 * @param registered whether the simulator registers it (false: an unknown origin, planted on purpose)
 * @param anomalous  whether declarations from it are meant to raise UNREGISTERED_SITE
 */
public record PlantSite(Site site, Map<String, Double> gradeMix, boolean registered, boolean anomalous) {
    public PlantSite {
        gradeMix = Map.copyOf(gradeMix);
    }

    /** The site id. */
    public String siteId() {
        return site.getSiteId();
    }

    /** The region (prefecture) code. */
    public String region() {
        return site.getRegion();
    }
}
