package io.scraptrace.core.auth;

/** What a token may do (CONTRACT section 2). */
public enum Role {
    /** A plant, bound to one siteId: posts readings and frames for that site. */
    PLANT,
    /** An operator, bound to one or more regions: watches their aggregates. */
    OPERATOR,
    /** A regulator: sees and declares everything. */
    REGULATOR
}
