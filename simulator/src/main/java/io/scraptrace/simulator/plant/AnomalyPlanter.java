package io.scraptrace.simulator.plant;

import io.scraptrace.avro.Material;
import io.scraptrace.schemas.grades.Grade;
import io.scraptrace.schemas.grades.GradeCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Bends an honest declaration so that it raises exactly one alert code under the shared rule
 * semantics, with margins wide enough that grading noise and processing order cannot undo it (or
 * add another code). Each method answers false, leaving the draft untouched, when the situation
 * does not allow the code now.
 */
final class AnomalyPlanter {
    /** Declared mass over the most the site can have in stock: well past the 1.05 tolerance. */
    static final double OVER_DECLARATION = 1.5;
    /** Value per tonne this many times off the median: well past the x3 rule. */
    static final double VALUE_FACTOR = 5;
    /** Under-declared goods are under-invoiced too, but not so far as to be a value outlier. */
    static final double UNDER_DECLARED_PRICE = 0.75;
    /** Volume over the exporter's mean never above this, so a planted code does not add VOLUME_SPIKE. */
    static final double VOLUME_CEILING = 3.5;
    /**
     * Declarations younger than this may still wait for grading and so be missing from the rule's
     * "already declared": the excess is computed as if they were.
     */
    static final Duration UNSETTLED_DECLARATIONS = Duration.ofSeconds(90);
    /** Samples a baseline needs before a planted outlier counts on it: the rules need 5, some may still be held. */
    static final int PLANT_MIN_SAMPLES = DeclarationHistory.MIN_SAMPLES + 5;
    /** A lot claimed at least this long ago surely reached the alert rules before a second claim. */
    static final Duration RECLAIM_AGE = Duration.ofSeconds(30);
    /**
     * Per material, a plausible wrong HS heading (WCO HS 2022): refined or unwrought metal, or new
     * accumulators, instead of the waste heading.
     */
    private static final Map<Material, String> WRONG_HEADING = Map.of(
            Material.FERROUS, "7203.10",
            Material.ALUMINIUM, "7601.20",
            Material.COPPER, "7403.11",
            Material.MIXED_METAL, "8112.99",
            Material.BLACK_MASS, "8507.60");
    /** Countries without a Basel consent for black mass in the default consents. */
    private static final List<String> UNCONSENTED = List.of("CN", "IN", "VN", "MY");

    private final GradeCatalogue catalogue;
    private final StockLedger ledger;
    private final DeclarationHistory history;
    private final SplittableRandom random;
    private final String runTag;
    private int bogusLots;

    AnomalyPlanter(GradeCatalogue catalogue, StockLedger ledger, DeclarationHistory history, SplittableRandom random,
                   String runTag) {
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.history = history;
        this.random = random;
        this.runTag = runTag;
    }

    /** Lots declared as a grade of the same material but a lower value class, under an HS code both share. */
    boolean underDeclareGrade(DeclarationDraft draft) {
        Grade measured = grade(draft.lotGrade());
        for (Grade lower : catalogue.grades()) {
            if (lower.material() == measured.material() && lower.valueClass() > measured.valueClass()) {
                List<String> shared = lower.hsCodes().stream().filter(measured.hsCodes()::contains).toList();
                if (!shared.isEmpty()) {
                    draft.declaredGrade = lower.code();
                    draft.hsCode = shared.get(0);
                    draft.valuePerTonne *= UNDER_DECLARED_PRICE;
                    return plant(draft, AlertCode.UNDER_DECLARED_GRADE);
                }
            }
        }
        return false;
    }

    /**
     * Declares the lots' material under an HS code of another heading that no grade of the catalogue
     * uses, so the HS code's value baseline only ever holds such declarations of that material.
     */
    boolean misclassify(DeclarationDraft draft) {
        String wrong = WRONG_HEADING.get(draft.material);
        if (wrong == null || grade(draft.lotGrade()).hsCodes().contains(wrong)) {
            return false;
        }
        draft.hsCode = wrong;
        return plant(draft, AlertCode.HS_CODE_MISMATCH);
    }

    /** Declares half again as much as the site can possibly hold of the material. */
    boolean exceedMassBalance(DeclarationDraft draft, Instant now) {
        String siteId = draft.site.siteId();
        double mostAvailable = ledger.acceptedKg(siteId, draft.material)
                - ledger.declaredKgBefore(siteId, draft.material, now.minus(UNSETTLED_DECLARATIONS));
        double mass = OVER_DECLARATION * mostAvailable;
        if (mostAvailable <= 0 || !withinVolume(draft.exporter, mass)) {
            return false;
        }
        draft.massKg = mass;
        return plant(draft, AlertCode.MASS_BALANCE_EXCEEDED);
    }

    /** Adds a lot the origin cannot account for: another site's, one claimed long ago, or one that never existed. */
    boolean addUntraceableLot(DeclarationDraft draft, List<Lot> foreignCandidates, Instant now) {
        List<Runnable> variants = new ArrayList<>();
        foreignCandidates.stream().filter(lot -> lot.grade.equals(draft.lotGrade())).findFirst().ifPresent(foreign -> variants.add(() -> {
            draft.lotIds.add(foreign.lotId);
            draft.claims.add(foreign);
        }));
        ledger.claimedBefore(draft.site.siteId(), draft.material, draft.lotGrade(), now.minus(RECLAIM_AGE)).stream()
                .findFirst()
                .ifPresent(old -> variants.add(() -> draft.lotIds.add(old.lotId)));
        if (variants.isEmpty() || random.nextDouble() < 0.2) {
            String siteCode = draft.site.siteId().replaceFirst("^S-", "");
            draft.lotIds.add(String.format(Locale.ROOT, "L-%s-%s-X%03d", runTag, siteCode, ++bogusLots));
        } else {
            variants.get(random.nextInt(variants.size())).run();
        }
        return plant(draft, AlertCode.UNTRACEABLE_LOTS);
    }

    /** Ships black mass to a country without a Basel consent. */
    boolean shipToUnconsentedDestination(DeclarationDraft draft) {
        if (draft.material != Material.BLACK_MASS) {
            return false;
        }
        draft.destination = UNCONSENTED.get(random.nextInt(UNCONSENTED.size()));
        draft.nearMiss.remove(AlertCode.HAZARDOUS_DESTINATION);
        return plant(draft, AlertCode.HAZARDOUS_DESTINATION);
    }

    /** Invoices at a fifth or five times the HS code's median value per tonne. */
    boolean misvalue(DeclarationDraft draft) {
        OptionalDouble median = history.medianPerTonne(draft.hsCode, PLANT_MIN_SAMPLES);
        if (median.isEmpty()) {
            return false;
        }
        draft.valuePerTonne = random.nextBoolean() ? median.getAsDouble() * VALUE_FACTOR : median.getAsDouble() / VALUE_FACTOR;
        return plant(draft, AlertCode.VALUE_OUTLIER);
    }

    /** Whether {@code massKg} stays clear of the exporter's volume-spike threshold. */
    boolean withinVolume(Exporter exporter, double massKg) {
        OptionalDouble mean = history.exporterMeanKg(exporter.exporterId(), DeclarationHistory.MIN_SAMPLES);
        return mean.isEmpty() || massKg <= VOLUME_CEILING * mean.getAsDouble();
    }

    private static boolean plant(DeclarationDraft draft, AlertCode code) {
        draft.expected.add(code);
        return true;
    }

    private Grade grade(String code) {
        return catalogue.find(code).orElseThrow(() -> new IllegalStateException("unknown grade " + code));
    }
}
