package io.scraptrace.simulator.plant;

import io.scraptrace.avro.Site;
import io.scraptrace.avro.SiteType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The simulated sites: {@code n} licensed sites spread over {@link Prefecture#ALL} with ids like
 * {@code S-TKY-01}, their types cycling so every type appears, plus (with anomalies on) three
 * problem sites whose declarations must raise UNREGISTERED_SITE: one never registered, one
 * unlicensed and one with an expired licence. With anomalies on, the first site's licence runs out
 * in {@value #NEAR_EXPIRY_DAYS} days: a near miss. The same arguments give the same world.
 *
 * @param sites every site, registered ones first
 */
public record PlantWorld(List<PlantSite> sites) {
    static final int NEAR_EXPIRY_DAYS = 7;

    private static final SiteType[] TYPES = {SiteType.YARD, SiteType.SHREDDER, SiteType.SORTING_LINE, SiteType.BATTERY_RECYCLER};

    /** Which grades each type of site produces, with relative shares. */
    private static final Map<SiteType, Map<String, Double>> GRADE_MIX = Map.of(
            SiteType.YARD, Map.of("FE_HS", 3.0, "FE_H1", 3.0, "FE_H2", 3.0, "FE_H3_H4", 2.0, "FE_NEW_CUT", 2.0,
                    "CU_NO1", 1.0, "CU_NO2", 1.0),
            SiteType.SHREDDER, Map.of("FE_SHRED_A", 4.0, "FE_SHRED_B", 4.0, "MIXED_NF", 2.0),
            SiteType.SORTING_LINE, Map.of("AL_WROUGHT", 3.0, "AL_CAST", 3.0, "CU_NO1", 2.0, "CU_NO2", 2.0, "MIXED_NF", 1.0),
            SiteType.BATTERY_RECYCLER, Map.of("BM_NMC", 4.0, "BM_LCO", 2.0, "BM_LFP", 3.0, "BM_OFFSPEC", 1.0));

    public PlantWorld {
        sites = List.copyOf(sites);
    }

    /**
     * Builds a world.
     *
     * @param count     number of regular sites (at least 1)
     * @param seed      seed for licence dates and the type rotation
     * @param anomalies whether to add the problem sites and the near-expiry licence
     * @param today     the date licences are judged against
     */
    public static PlantWorld create(int count, long seed, boolean anomalies, LocalDate today) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one site, got " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int rotation = random.nextInt(TYPES.length);
        List<PlantSite> sites = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Prefecture prefecture = Prefecture.ALL.get(i % Prefecture.ALL.size());
            int number = i / Prefecture.ALL.size() + 1;
            SiteType type = TYPES[(i + rotation) % TYPES.length];
            LocalDate expires = anomalies && i == 0 ? today.plusDays(NEAR_EXPIRY_DAYS) : today.plusDays(365 + random.nextInt(730));
            sites.add(site(prefecture, number, type, true, expires, true, false));
        }
        if (anomalies) {
            sites.add(site(Prefecture.ALL.get(3), 91, SiteType.YARD, true, today.plusYears(1), false, true));
            sites.add(site(Prefecture.ALL.get(4), 92, SiteType.SHREDDER, false, null, true, true));
            sites.add(site(Prefecture.ALL.get(2), 93, SiteType.SORTING_LINE, true, today.minusDays(30), true, true));
        }
        return new PlantWorld(sites);
    }

    /** The world a simulator with these options runs, as of today (UTC): what a demo needs to issue its tokens. */
    public static PlantWorld of(SimulatorOptions options) {
        return of(options, LocalDate.now(ZoneOffset.UTC));
    }

    /** The world a simulator with these options runs, with licences judged against {@code today}. */
    public static PlantWorld of(SimulatorOptions options, LocalDate today) {
        return create(options.sites(), options.seed(), options.anomalies(), today);
    }

    /** Ids of all sites, in order. */
    public List<String> siteIds() {
        return sites.stream().map(PlantSite::siteId).toList();
    }

    private static PlantSite site(Prefecture prefecture, int number, SiteType type, boolean licensed, LocalDate expires,
                                  boolean registered, boolean anomalous) {
        String id = String.format(Locale.ROOT, "S-%s-%02d", prefecture.code(), number);
        String name = prefecture.name() + " " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + number;
        Site site = Site.newBuilder()
                .setSiteId(id)
                .setName(name)
                .setRegion(prefecture.region())
                .setType(type)
                .setLicensed(licensed)
                .setLicenseExpires(expires == null ? null : expires.toString())
                .build();
        return new PlantSite(site, GRADE_MIX.get(type), registered, anomalous);
    }
}
