package io.scraptrace.simulator.plant;

import io.scraptrace.avro.Material;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Decides the next export declaration: exporters take turns declaring settled, unclaimed lots of
 * their material from regular sites, honestly (declared mass a little under the measured one,
 * material, grade and HS code as measured, consented destinations, usual prices); with anomalies
 * on, a share of them is bent to raise one alert code, the codes planted evenly, and a few come
 * close to a threshold without crossing it.
 */
final class DeclarationPlanner {
    /** Declared mass as a share of the lots' measured mass: net of moisture and dust. */
    private static final double DECLARED_SHARE_MIN = 0.95;
    private static final double DECLARED_SHARE_MAX = 0.97;
    /** Share of surely graded intake a clean declaration may bring the site's declared total to (room for grading error). */
    private static final double CLEAN_HEADROOM = 0.97;
    /** Least share of its lots' mass a shipment may declare when stock is short (after an over-declaration). */
    private static final double PARTIAL_SHIPMENT_MIN = 0.5;
    /** A volume spike is planted this many times above the exporter's mean (the rule fires above 4). */
    private static final double SPIKE_FACTOR = 5;
    private static final Duration SPIKE_PATIENCE = Duration.ofMinutes(10);
    /** A value this many times off the median is a near miss of the x3 rule. */
    private static final double NEAR_MISS_VALUE_FACTOR = 2.4;
    /** Licences expiring within this many days make a declaration a near miss of UNREGISTERED_SITE. */
    private static final long NEAR_EXPIRY_DAYS = 30;

    private final PlantWorld world;
    private final StockLedger ledger;
    private final DeclarationHistory history;
    private final GradeCatalogue catalogue;
    private final AnomalyPlanter planter;
    private final SplittableRandom random;
    private final boolean anomalies;
    private final double anomalyRate;
    private final Duration settle;
    private final String runTag;
    private final Map<AlertCode, Integer> planted = new EnumMap<>(AlertCode.class);
    private Reservation reservation;
    private int exporterTurn;
    private int sequence;

    /** Lots of one site and material held back until they make a volume spike for one exporter. */
    private record Reservation(Exporter exporter, String siteId, Material material, Instant since) {
    }

    DeclarationPlanner(PlantWorld world, StockLedger ledger, DeclarationHistory history, GradeCatalogue catalogue,
                       SimulatorOptions options) {
        this.world = world;
        this.ledger = ledger;
        this.history = history;
        this.catalogue = catalogue;
        this.random = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
        this.planter = new AnomalyPlanter(catalogue, ledger, history, random, options.runTag());
        this.anomalies = options.anomalies();
        this.anomalyRate = options.anomalyRate();
        this.settle = options.lotSettle();
        this.runTag = options.runTag();
    }

    /** The next declaration to file, if any exporter has something to declare. */
    Optional<PlannedDeclaration> next(Instant now) {
        Optional<PlannedDeclaration> spike = readySpike(now);
        if (spike.isPresent()) {
            return spike;
        }
        for (int i = 0; i < Exporter.ALL.size(); i++) {
            Exporter exporter = Exporter.ALL.get((exporterTurn + i) % Exporter.ALL.size());
            Optional<DeclarationDraft> honest = honestDraft(exporter, regularSites(exporter.material()), now);
            if (honest.isPresent()) {
                exporterTurn = (exporterTurn + i + 1) % Exporter.ALL.size();
                DeclarationDraft draft = honest.get();
                if (anomalies) {
                    bend(draft, now);
                }
                return Optional.of(draft.build(nextId(), now));
            }
        }
        return Optional.empty();
    }

    /** Books a declaration ingest accepted. */
    void accepted(PlannedDeclaration planned, Instant now) {
        var d = planned.declaration();
        ledger.declared(d.getDeclarationId(), d.getSiteId(), d.getDeclaredMaterial(), d.getMassKg(), planned.claims(), now);
        history.record(d);
        planned.expected().forEach(code -> planted.merge(code, 1, Integer::sum));
        if (planned.expected().contains(AlertCode.VOLUME_SPIKE)) {
            reservation = null;
        }
    }

    private void bend(DeclarationDraft draft, Instant now) {
        double u = random.nextDouble();
        if (u < anomalyRate) {
            List<AlertCode> order = new ArrayList<>(List.of(AlertCode.values()));
            order.sort(Comparator.comparingInt(code -> planted.getOrDefault(code, 0)));
            // Black mass is the only material HAZARDOUS_DESTINATION can be planted on, and it comes
            // rarely: codes any draft can carry must not use up its drafts while it lags behind.
            double mean = order.stream().mapToInt(code -> planted.getOrDefault(code, 0)).average().orElse(0);
            if (draft.material == Material.BLACK_MASS && planted.getOrDefault(AlertCode.HAZARDOUS_DESTINATION, 0) <= mean) {
                order.remove(AlertCode.HAZARDOUS_DESTINATION);
                order.add(0, AlertCode.HAZARDOUS_DESTINATION);
            }
            for (AlertCode code : order) {
                if (tryPlant(code, draft, now)) {
                    return;
                }
            }
        } else if (u < anomalyRate * 1.5) {
            OptionalDouble median = history.medianPerTonne(draft.hsCode, DeclarationHistory.MIN_SAMPLES);
            if (median.isPresent()) {
                draft.valuePerTonne = random.nextBoolean() ? median.getAsDouble() * NEAR_MISS_VALUE_FACTOR
                        : median.getAsDouble() / NEAR_MISS_VALUE_FACTOR;
                draft.nearMiss.add(AlertCode.VALUE_OUTLIER);
            }
        }
    }

    private boolean tryPlant(AlertCode code, DeclarationDraft draft, Instant now) {
        return switch (code) {
            case UNDER_DECLARED_GRADE -> planter.underDeclareGrade(draft);
            case HS_CODE_MISMATCH -> planter.misclassify(draft);
            case MASS_BALANCE_EXCEEDED -> planter.exceedMassBalance(draft, now);
            case UNTRACEABLE_LOTS -> planter.addUntraceableLot(draft, foreignLots(draft, now), now);
            case HAZARDOUS_DESTINATION -> planter.shipToUnconsentedDestination(draft);
            case VALUE_OUTLIER -> planter.misvalue(draft);
            case UNREGISTERED_SITE -> moveToProblemSite(draft, now);
            case VOLUME_SPIKE -> reserveSpike(draft, now);
        };
    }

    /** Replaces the draft's lots by an honest declaration from a problem site; only the origin is wrong. */
    private boolean moveToProblemSite(DeclarationDraft draft, Instant now) {
        List<PlantSite> problemSites = world.sites().stream()
                .filter(site -> site.anomalous() && site.gradeMix().keySet().stream()
                        .anyMatch(g -> catalogue.materialOf(g) == draft.material))
                .toList();
        Optional<DeclarationDraft> moved = honestDraft(draft.exporter, problemSites, now);
        if (moved.isEmpty()) {
            return false;
        }
        DeclarationDraft target = moved.get();
        draft.site = target.site;
        draft.claims.clear();
        draft.claims.addAll(target.claims);
        draft.lotIds.clear();
        draft.lotIds.addAll(target.lotIds);
        draft.massKg = target.massKg;
        draft.declaredGrade = target.declaredGrade;
        draft.hsCode = target.hsCode;
        draft.nearMiss.clear();
        draft.expected.add(AlertCode.UNREGISTERED_SITE);
        return true;
    }

    /**
     * Holds back the draft site's next lots of this material for a volume spike by this exporter,
     * if the material is most of what the site produces (so the spike builds up within a minute or
     * two); the draft itself stays honest, so this answers false and another code is tried on it.
     */
    private boolean reserveSpike(DeclarationDraft draft, Instant now) {
        if (reservation == null && mainProduct(draft.site, draft.material)
                && history.exporterMeanKg(draft.exporter.exporterId(), AnomalyPlanter.PLANT_MIN_SAMPLES).isPresent()) {
            reservation = new Reservation(draft.exporter, draft.site.siteId(), draft.material, now);
        }
        return false;
    }

    private Optional<PlannedDeclaration> readySpike(Instant now) {
        if (reservation == null) {
            return Optional.empty();
        }
        if (now.isAfter(reservation.since().plus(SPIKE_PATIENCE))) {
            reservation = null;
            return Optional.empty();
        }
        OptionalDouble mean = history.exporterMeanKg(reservation.exporter().exporterId(), AnomalyPlanter.PLANT_MIN_SAMPLES);
        PlantSite site = siteById(reservation.siteId());
        List<Lot> lots = ledger.declarable(site.siteId(), reservation.material(), now.minus(settle));
        if (mean.isEmpty() || lots.isEmpty()) {
            return Optional.empty();
        }
        DeclarationDraft draft = draftOf(reservation.exporter(), site, lots, now);
        if (!fitsStock(draft, now) || draft.massKg < SPIKE_FACTOR * mean.getAsDouble()) {
            return Optional.empty();
        }
        draft.declaredGrade = null;
        draft.hsCode = commonHsCode(lots);
        draft.expected.add(AlertCode.VOLUME_SPIKE);
        return Optional.of(draft.build(nextId(), now));
    }

    /** An honest declaration of the oldest settled lot (and maybe the next of the same grade) at one of the sites. */
    private Optional<DeclarationDraft> honestDraft(Exporter exporter, List<PlantSite> sites, Instant now) {
        for (PlantSite site : sites) {
            if (isReserved(site.siteId(), exporter.material())) {
                continue;
            }
            List<Lot> declarable = ledger.declarable(site.siteId(), exporter.material(), now.minus(settle));
            if (declarable.isEmpty()) {
                continue;
            }
            Lot first = declarable.get(0);
            List<Lot> lots = new ArrayList<>(List.of(first));
            declarable.stream().skip(1).filter(lot -> lot.grade.equals(first.grade)).findFirst()
                    .filter(second -> random.nextBoolean())
                    .ifPresent(lots::add);
            DeclarationDraft draft = draftOf(exporter, site, lots, now);
            if (fitsStock(draft, now) && planter.withinVolume(exporter, draft.massKg)) {
                return Optional.of(draft);
            }
        }
        return Optional.empty();
    }

    private DeclarationDraft draftOf(Exporter exporter, PlantSite site, List<Lot> lots, Instant now) {
        DeclarationDraft draft = new DeclarationDraft(exporter, site, lots);
        String grade = draft.lotGrade();
        double measured = lots.stream().mapToDouble(lot -> lot.acceptedKg).sum();
        draft.massKg = measured * (DECLARED_SHARE_MIN + (DECLARED_SHARE_MAX - DECLARED_SHARE_MIN) * random.nextDouble());
        draft.material = catalogue.materialOf(grade);
        draft.declaredGrade = random.nextDouble() < 0.7 ? grade : null;
        draft.hsCode = catalogue.find(grade).orElseThrow().hsCodes().get(0);
        draft.valuePerTonne = PriceBook.perTonne(draft.material, random);
        draft.destination = exporter.destinations().get(random.nextInt(exporter.destinations().size()));
        String expires = site.site().getLicenseExpires();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (expires != null && !LocalDate.parse(expires).isAfter(today.plusDays(NEAR_EXPIRY_DAYS)) && !site.anomalous()) {
            draft.nearMiss.add(AlertCode.UNREGISTERED_SITE);
        }
        if (draft.material == Material.BLACK_MASS) {
            draft.nearMiss.add(AlertCode.HAZARDOUS_DESTINATION);
        }
        return draft;
    }

    /**
     * Whether the declaration fits the site's stock as the alert rules surely see it: the lots
     * already claimed by judged declarations plus the draft's own (graded before it is judged),
     * less a margin for grading error, must cover everything declared plus this. After an
     * over-declaration the site ships part of its lots until its books recover.
     */
    private boolean fitsStock(DeclarationDraft draft, Instant now) {
        String siteId = draft.site.siteId();
        double lotsKg = draft.claims.stream().mapToDouble(lot -> lot.acceptedKg).sum();
        double room = CLEAN_HEADROOM * (ledger.claimedKgBefore(siteId, draft.material, now.minus(settle)) + lotsKg)
                - ledger.declaredKg(siteId, draft.material);
        if (draft.massKg <= room) {
            return true;
        }
        if (room >= PARTIAL_SHIPMENT_MIN * lotsKg) {
            draft.massKg = room;
            return true;
        }
        return false;
    }

    /** Settled, unclaimed lots of the draft's grade at other regular sites. */
    private List<Lot> foreignLots(DeclarationDraft draft, Instant now) {
        List<Lot> lots = new ArrayList<>();
        for (PlantSite site : regularSites(draft.material)) {
            if (!site.siteId().equals(draft.site.siteId()) && !isReserved(site.siteId(), draft.material)) {
                lots.addAll(ledger.declarable(site.siteId(), draft.material, now.minus(settle)));
            }
        }
        return lots;
    }

    private String commonHsCode(List<Lot> lots) {
        List<String> codes = new ArrayList<>(catalogue.find(lots.get(0).grade).orElseThrow().hsCodes());
        lots.forEach(lot -> codes.retainAll(catalogue.find(lot.grade).orElseThrow().hsCodes()));
        return codes.isEmpty() ? catalogue.find(lots.get(0).grade).orElseThrow().hsCodes().get(0) : codes.get(0);
    }

    private List<PlantSite> regularSites(Material material) {
        return world.sites().stream()
                .filter(site -> !site.anomalous()
                        && site.gradeMix().keySet().stream().anyMatch(g -> catalogue.materialOf(g) == material))
                .toList();
    }

    private boolean mainProduct(PlantSite site, Material material) {
        double total = site.gradeMix().values().stream().mapToDouble(Double::doubleValue).sum();
        double share = site.gradeMix().entrySet().stream()
                .filter(e -> catalogue.materialOf(e.getKey()) == material)
                .mapToDouble(Map.Entry::getValue)
                .sum();
        return share >= total / 2;
    }

    private boolean isReserved(String siteId, Material material) {
        return reservation != null && reservation.siteId().equals(siteId) && reservation.material() == material;
    }

    private PlantSite siteById(String siteId) {
        return world.sites().stream().filter(s -> s.siteId().equals(siteId)).findFirst().orElseThrow();
    }

    private String nextId() {
        return String.format(Locale.ROOT, "D-%s-%05d", runTag, ++sequence);
    }
}
