package io.scraptrace.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.auth.TokenStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tokens file parsing and lookups (CONTRACT section 2). */
class TokenStoreTest {
    private final TokenStore store = TokenStore.parse(List.of(
            "# regulators",
            "s3cr3t regulator *",
            "p1tok plant S-TKY-01   # the Tokyo yard",
            "optok operator JP-13,JP-14",
            ""), "test");

    @Test
    void resolvesRolesAndScopes() {
        assertEquals(3, store.size());
        Principal plant = store.authenticate("p1tok").orElseThrow();
        assertEquals(Role.PLANT, plant.role());
        assertTrue(plant.covers("S-TKY-01"));
        assertFalse(plant.covers("S-OSA-01"));
        Principal operator = store.authenticate("optok").orElseThrow();
        assertTrue(operator.covers("JP-14"));
        assertFalse(operator.covers("JP-27"));
        assertTrue(store.authenticate("s3cr3t").orElseThrow().covers("anything"));
    }

    @Test
    void unknownEmptyOrPrefixTokensAreRejected() {
        assertTrue(store.authenticate("s3cr3").isEmpty());
        assertTrue(store.authenticate("s3cr3t ").isEmpty());
        assertTrue(store.authenticate("").isEmpty());
        assertTrue(store.authenticate(null).isEmpty());
    }

    @Test
    void malformedLinesNameTheLine() {
        var error = assertThrows(IllegalArgumentException.class, () -> TokenStore.parse(List.of("tok wizard *"), "tokens.txt"));
        assertTrue(error.getMessage().startsWith("tokens.txt:1"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TokenStore.parse(List.of("tok plant *"), "t"), "plants need a site");
        var twoSites = assertThrows(IllegalArgumentException.class, () -> TokenStore.parse(List.of("# plants", "tok plant S-1,S-2"), "t"));
        assertTrue(twoSites.getMessage().startsWith("t:2: a plant token is bound to exactly one siteId"), twoSites.getMessage());
    }

    @Test
    void aPlantPrincipalIsBoundToOneSiteHoweverItIsMade() {
        assertThrows(IllegalArgumentException.class, () -> new Principal("p", Role.PLANT, Set.of("S-1", "S-2")));
        assertThrows(IllegalArgumentException.class, () -> new Principal("p", Role.PLANT, Set.of(Principal.ANY)));
        assertThrows(IllegalArgumentException.class, () -> new Principal("p", Role.PLANT, Set.of()));
        assertTrue(new Principal("o", Role.OPERATOR, Set.of("JP-13", "JP-14")).covers("JP-14"));
    }

    @Test
    void generatedDemoTokensRoundTripThroughTheFileFormat() {
        Map<String, Principal> tokens = TokenStore.generateDemo(List.of("JP-13"), "S-TKY-01");
        TokenStore reparsed = TokenStore.parse(TokenStore.toLines(tokens), "generated");
        tokens.forEach((token, principal) -> {
            Principal back = reparsed.authenticate(token).orElseThrow();
            assertEquals(principal.role(), back.role());
            assertEquals(principal.scopes(), back.scopes());
        });
    }
}
