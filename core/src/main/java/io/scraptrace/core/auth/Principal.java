package io.scraptrace.core.auth;

import java.util.Set;

/**
 * The holder of a valid token: its role and scope (a siteId for plants, regions for operators,
 * {@code *} for everything). A plant is bound to exactly one site, however it authenticated.
 *
 * @param name   a non-secret label for logs (never the token)
 * @param role   the role
 * @param scopes site ids or region codes, or {@code *}
 */
public record Principal(String name, Role role, Set<String> scopes) {
    public static final String ANY = "*";

    /** @throws IllegalArgumentException a plant scoped to anything but one siteId */
    public Principal {
        scopes = Set.copyOf(scopes);
        if (role == Role.PLANT && (scopes.size() != 1 || scopes.contains(ANY))) {
            throw new IllegalArgumentException("a plant token is bound to exactly one siteId, not " + scopes);
        }
    }

    /** Whether the scope covers {@code siteIdOrRegion}. */
    public boolean covers(String siteIdOrRegion) {
        return scopes.contains(ANY) || scopes.contains(siteIdOrRegion);
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }
}
