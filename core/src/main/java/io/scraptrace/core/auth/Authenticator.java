package io.scraptrace.core.auth;

import java.util.Optional;

/**
 * Turns a presented bearer token into the principal it stands for: a tokens-file entry
 * ({@link TokenStore}) or a JWT from an OpenID Connect provider ({@link JwtAuthenticator}).
 */
@FunctionalInterface
public interface Authenticator {
    /**
     * The token's principal, or empty if this authenticator does not know it.
     *
     * @throws InvalidTokenException for a token this authenticator recognises as its kind but
     *                               refuses (expired, wrong issuer, ...), with the reason
     */
    Optional<Principal> authenticate(String token);
}
