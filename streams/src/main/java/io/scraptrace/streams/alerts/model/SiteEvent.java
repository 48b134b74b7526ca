package io.scraptrace.streams.alerts.model;

/**
 * What the per-site ledger receives, keyed by siteId on one repartition topic so that a site's
 * intake deltas and the lot answers sent after them keep their order. Exactly one field is set.
 *
 * @param declaration a declaration from this site
 * @param answer      facts of a lot one of this site's declarations listed
 * @param intake      graded intake of this site
 */
public record SiteEvent(Declaration declaration, LotAnswer answer, IntakeDelta intake) {
    /** An event carrying a declaration. */
    public static SiteEvent of(Declaration declaration) {
        return new SiteEvent(declaration, null, null);
    }

    /** An event carrying a lot answer. */
    public static SiteEvent of(LotAnswer answer) {
        return new SiteEvent(null, answer, null);
    }

    /** An event carrying graded intake. */
    public static SiteEvent of(IntakeDelta intake) {
        return new SiteEvent(null, null, intake);
    }
}
