package io.scraptrace.core.auth;

import java.util.Set;

/**
 * The holder of a valid token: its role and scope (a siteId for plants, regions for operators,
 * {@code *} for everything).
 *
 * @param name   a non-secret label for logs (never the token)
 * @param role   the role
 * @param scopes site ids or region codes, or {@code *}
 */
public record Principal(String name, Role role, Set<String> scopes) {
    public static final String ANY = "*";

    public Principal {
        scopes = Set.copyOf(scopes);
    }

    /** Whether the scope covers {@code siteIdOrRegion}. */
    public boolean covers(String siteIdOrRegion) {
        return scopes.contains(ANY) || scopes.contains(siteIdOrRegion);
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }
}
