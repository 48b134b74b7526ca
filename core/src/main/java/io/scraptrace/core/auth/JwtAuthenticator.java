package io.scraptrace.core.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer JWTs from an OpenID Connect provider, verified with Nimbus JOSE + JWT: the signature
 * against the provider's JWKS (fetched over HTTP, cached, refetched when a new key id appears),
 * then {@code exp}/{@code nbf} (with Nimbus' default 60 s clock skew), {@code iss}, {@code aud},
 * and the presence of {@code sub}; role and scope come from the claims {@link JwtSettings} names,
 * with the same rules as the tokens file (a plant is bound to exactly one site).
 */
public final class JwtAuthenticator implements Authenticator {
    /** Asymmetric algorithms only: a provider never shares an HMAC secret with a resource server. */
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
            JWSAlgorithm.EdDSA);

    private final JwtSettings settings;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public JwtAuthenticator(JwtSettings settings) {
        this.settings = settings;
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(settings.jwksUrl()).retrying(true).build();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(settings.audience(),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("sub", "exp")));
    }

    @Override
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.chars().filter(c -> c == '.').count() != 2) {
            // Not a signed JWT in compact form: some other authenticator's token.
            return Optional.empty();
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            return Optional.empty();
        } catch (BadJWTException e) {
            throw new InvalidTokenException(e.getMessage());
        } catch (BadJOSEException e) {
            throw new InvalidTokenException("signature not verified with the provider's keys (" + e.getMessage() + ")");
        } catch (JOSEException e) {
            throw new InvalidTokenException("cannot verify the token: " + e.getMessage());
        }
        return Optional.of(principal(claims));
    }

    private Principal principal(JWTClaimsSet claims) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String value : values(claims, settings.roleClaim())) {
            String name = value.toLowerCase(Locale.ROOT);
            String prefix = settings.rolePrefix().toLowerCase(Locale.ROOT);
            if (name.startsWith(prefix)) {
                Arrays.stream(Role.values()).filter(r -> r.name().toLowerCase(Locale.ROOT).equals(name.substring(prefix.length()))).forEach(roles::add);
            }
        }
        if (roles.size() != 1) {
            throw new InvalidTokenException("claim " + settings.roleClaim() + " must name exactly one role (plant, operator, regulator)"
                    + (settings.rolePrefix().isEmpty() ? "" : " prefixed " + settings.rolePrefix()) + ", found " + roles.size());
        }
        Role role = roles.iterator().next();
        Set<String> scopes = role == Role.REGULATOR ? Set.of(Principal.ANY) : Set.copyOf(values(claims, settings.scopeClaim()));
        if (scopes.isEmpty()) {
            throw new InvalidTokenException("claim " + settings.scopeClaim() + " is missing: a " + role.name().toLowerCase(Locale.ROOT) + " token needs a scope");
        }
        try {
            return new Principal("oidc:" + claims.getSubject(), role, scopes);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException(e.getMessage() + " (claim " + settings.scopeClaim() + ")");
        }
    }

    /** The string values at a dotted claim path: a list's elements, or a string split at commas and spaces. */
    private static List<String> values(JWTClaimsSet claims, String path) {
        Object value = claims.getClaims();
        for (String part : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        List<String> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> values.add(String.valueOf(v).strip()));
        } else if (value != null) {
            values.addAll(Arrays.asList(value.toString().strip().split("[,\\s]+")));
        }
        values.removeIf(String::isEmpty);
        return values;
    }
}
