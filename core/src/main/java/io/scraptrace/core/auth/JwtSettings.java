package io.scraptrace.core.auth;

import io.scraptrace.core.config.ScrapTraceConfig;
import java.net.URI;
import java.net.URL;
import java.net.MalformedURLException;
import java.util.Optional;

/**
 * Where bearer JWTs come from and what they must say. {@code auth.jwks.url} switches them on;
 * {@code auth.issuer} and {@code auth.audience} are then required (a token for another
 * application of the same provider must not pass). The role is read from the claim
 * {@code auth.role.claim} (default {@code roles}; a string or a list, a dotted path such as
 * {@code realm_access.roles} reaches into an object), whose values name a role, optionally after
 * {@code auth.role.prefix} (e.g. {@code scraptrace-regulator}); the scope from
 * {@code auth.scope.claim} (default {@code scraptrace_scope}: a siteId, regions, or {@code *};
 * a comma- or space-separated string or a list).
 *
 * @param jwksUrl    the provider's JSON Web Key Set
 * @param issuer     the required {@code iss}
 * @param audience   the required {@code aud} (this application's client id)
 * @param roleClaim  path of the role claim
 * @param rolePrefix prefix before the role name in its values
 * @param scopeClaim path of the scope claim
 */
public record JwtSettings(URL jwksUrl, String issuer, String audience, String roleClaim, String rolePrefix, String scopeClaim) {
    public static final String JWKS_URL = "auth.jwks.url";
    public static final String ISSUER = "auth.issuer";
    public static final String AUDIENCE = "auth.audience";
    public static final String ROLE_CLAIM = "auth.role.claim";
    public static final String ROLE_PREFIX = "auth.role.prefix";
    public static final String SCOPE_CLAIM = "auth.scope.claim";

    /** The settings if {@code auth.jwks.url} is set. */
    public static Optional<JwtSettings> from(ScrapTraceConfig config) {
        return config.get(JWKS_URL).map(url -> new JwtSettings(url(url), required(config, ISSUER), required(config, AUDIENCE),
                config.get(ROLE_CLAIM, "roles"), config.get(ROLE_PREFIX, ""), config.get(SCOPE_CLAIM, "scraptrace_scope")));
    }

    private static String required(ScrapTraceConfig config, String key) {
        return config.get(key).filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(key + " is required when " + JWKS_URL + " is set"));
    }

    private static URL url(String value) {
        try {
            return URI.create(value.strip()).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new IllegalArgumentException(JWKS_URL + ": not a URL: " + value, e);
        }
    }
}
