package io.scraptrace.core.auth;

import io.scraptrace.core.config.ScrapTraceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The authenticators a configuration asks for: a tokens file, an OpenID Connect provider, or both. */
public final class Authenticators {
    private Authenticators() {
    }

    /** The tokens file ({@code tokens.file}) and the OIDC provider ({@code auth.jwks.url}) configured; empty if neither is. */
    public static Optional<Authenticator> configured(ScrapTraceConfig config) {
        return combined(config.tokensFile().map(TokenStore::load), config);
    }

    /** {@code tokens}, and the OIDC provider too if one is configured. */
    public static Authenticator with(TokenStore tokens, ScrapTraceConfig config) {
        return combined(Optional.of(tokens), config).orElseThrow();
    }

    /** The tokens (if any) first, then the configured OIDC provider (if any). */
    private static Optional<Authenticator> combined(Optional<TokenStore> tokens, ScrapTraceConfig config) {
        List<Authenticator> all = new ArrayList<>();
        tokens.ifPresent(all::add);
        JwtSettings.from(config).map(JwtAuthenticator::new).ifPresent(all::add);
        return all.size() <= 1 ? all.stream().findFirst() : Optional.of(firstOf(all));
    }

    /** The first principal any of them finds. */
    static Authenticator firstOf(List<Authenticator> authenticators) {
        List<Authenticator> copy = List.copyOf(authenticators);
        return token -> {
            for (Authenticator authenticator : copy) {
                Optional<Principal> principal = authenticator.authenticate(token);
                if (principal.isPresent()) {
                    return principal;
                }
            }
            return Optional.empty();
        };
    }
}
