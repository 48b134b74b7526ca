package io.scraptrace.simulator.plant;

import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.auth.TokenStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bearer tokens the simulator presents: one plant token per site (role plant, scope siteId)
 * and a regulator token for site registrations and export declarations.
 */
public final class SimulatorTokens {
    private final String regulator;
    private final Map<String, String> plantBySite;

    private SimulatorTokens(String regulator, Map<String, String> plantBySite) {
        this.regulator = regulator;
        this.plantBySite = Map.copyOf(plantBySite);
    }

    /** Tokens given directly: a regulator token (may be null) and siteId -> plant token. */
    public static SimulatorTokens of(String regulatorToken, Map<String, String> plantTokensBySite) {
        return new SimulatorTokens(regulatorToken, plantTokensBySite);
    }

    /** Tokens from a token -> principal map, as {@link #generate} or a server's token set holds them. */
    public static SimulatorTokens fromPrincipals(Map<String, Principal> tokens) {
        String regulator = null;
        Map<String, String> plants = new LinkedHashMap<>();
        for (Map.Entry<String, Principal> entry : tokens.entrySet()) {
            Principal principal = entry.getValue();
            if (principal.is(Role.REGULATOR) && principal.scopes().contains(Principal.ANY)) {
                regulator = entry.getKey();
            } else if (principal.is(Role.PLANT) && principal.scopes().size() == 1) {
                plants.put(principal.scopes().iterator().next(), entry.getKey());
            }
        }
        return new SimulatorTokens(regulator, plants);
    }

    /** Tokens from a CONTRACT tokens file ({@code TOKEN ROLE SCOPE} a line, {@code #} comments). */
    public static SimulatorTokens load(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokens file " + file, e);
        }
    }

    /** Tokens from tokens-file lines; {@code origin} names the source in error messages. */
    public static SimulatorTokens parse(List<String> lines, String origin) {
        return fromPrincipals(TokenStore.readTokens(lines, origin));
    }

    /**
     * Fresh random tokens for these sites: one plant token per site and one regulator token, as
     * token -> principal. A demo puts them into its TokenStore ({@code TokenStore.of}), prints them
     * ({@code TokenStore.toLines}) and hands them to the simulator ({@link #fromPrincipals}).
     */
    public static Map<String, Principal> generate(List<String> siteIds) {
        Map<String, Principal> tokens = new LinkedHashMap<>();
        tokens.put(TokenStore.newToken("reg"), new Principal("regulator@*", Role.REGULATOR, Set.of(Principal.ANY)));
        for (String siteId : siteIds) {
            tokens.put(TokenStore.newToken("plant"), new Principal("plant@" + siteId, Role.PLANT, Set.of(siteId)));
        }
        return tokens;
    }

    /** The regulator token, if any. */
    public Optional<String> regulator() {
        return Optional.ofNullable(regulator);
    }

    /** The plant token of a site, if any. */
    public Optional<String> plant(String siteId) {
        return Optional.ofNullable(plantBySite.get(siteId));
    }
}
