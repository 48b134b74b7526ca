package io.scraptrace.core.http;

import io.javalin.http.Context;
import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.auth.Authenticator;
import io.scraptrace.core.auth.InvalidTokenException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Bearer-token checks for route handlers: 401 for a missing or unknown token, 403 for a valid
 * token of the wrong role or outside its scope.
 */
public final class Auth {
    /**
     * The one path where a token may ride in the {@value #QUERY_TOKEN} query parameter: browsers'
     * EventSource cannot set headers. Anywhere else a URL with a secret would end up in proxy and
     * access logs, so the header is required.
     */
    public static final String QUERY_TOKEN_PATH = "/v1/stream";
    /** The query parameter carrying the token on {@link #QUERY_TOKEN_PATH}. */
    public static final String QUERY_TOKEN = "access_token";
    private static final String BEARER = "bearer ";

    private final Authenticator tokens;

    public Auth(Authenticator tokens) {
        this.tokens = tokens;
    }

    /** The caller, who must hold one of {@code allowed}. */
    public Principal require(Context ctx, Role... allowed) {
        Principal principal = authenticate(ctx);
        if (Arrays.stream(allowed).noneMatch(principal::is)) {
            throw new ApiException(403, "role " + principal.role().name().toLowerCase(Locale.ROOT) + " may not " + ctx.method() + " " + ctx.matchedPath());
        }
        return principal;
    }

    /** The caller of any role. */
    public Principal authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        String token = null;
        if (header != null && header.length() > BEARER.length() && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            token = header.substring(BEARER.length()).strip();
        }
        String queryToken = ctx.queryParam(QUERY_TOKEN);
        if (queryToken != null && !QUERY_TOKEN_PATH.equals(ctx.path())) {
            throw new ApiException(401, "the " + QUERY_TOKEN + " query parameter is accepted only on " + QUERY_TOKEN_PATH
                    + "; send the token as 'Authorization: Bearer <token>'");
        }
        if (token == null) {
            token = queryToken;
        }
        if (token == null) {
            throw new ApiException(401, "missing bearer token");
        }
        try {
            return tokens.authenticate(token).orElseThrow(() -> new ApiException(401, "unknown token"));
        } catch (InvalidTokenException e) {
            throw new ApiException(401, "invalid token: " + e.getMessage());
        }
    }

    /** 403 unless the caller's scope covers {@code siteIdOrRegion} (regulators cover everything). */
    public static void requireScope(Principal principal, String siteIdOrRegion) {
        if (!principal.is(Role.REGULATOR) && !principal.covers(siteIdOrRegion)) {
            throw new ApiException(403, "token is not scoped to " + siteIdOrRegion);
        }
    }
}
