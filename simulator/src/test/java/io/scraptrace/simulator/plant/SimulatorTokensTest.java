package io.scraptrace.simulator.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.auth.TokenStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatorTokensTest {
    @Test
    void parsesTokensFileLinesWithCommentsAndIgnoresOperators() {
        SimulatorTokens tokens = SimulatorTokens.parse(List.of(
                "# demo tokens",
                "s3cr3t regulator *",
                "",
                "p1tok plant S-TKY-01   # Tokyo yard",
                "optok operator JP-13,JP-14"), "test");
        assertEquals(Optional.of("s3cr3t"), tokens.regulator());
        assertEquals(Optional.of("p1tok"), tokens.plant("S-TKY-01"));
        assertEquals(Optional.empty(), tokens.plant("S-KNG-01"));
    }

    @Test
    void rejectsMalformedLines() {
        assertThrows(IllegalArgumentException.class, () -> SimulatorTokens.parse(List.of("only two"), "test"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorTokens.parse(List.of("t wizard *"), "test"));
    }

    @Test
    void generatedTokensAuthenticateAsOnePlantPerSiteAndARegulator() {
        List<String> sites = List.of("S-TKY-01", "S-OSK-02");
        Map<String, Principal> generated = SimulatorTokens.generate(sites);
        assertEquals(sites.size() + 1, generated.size());
        TokenStore store = TokenStore.of(generated);
        SimulatorTokens tokens = SimulatorTokens.fromPrincipals(generated);
        for (String site : sites) {
            Principal plant = store.authenticate(tokens.plant(site).orElseThrow()).orElseThrow();
            assertEquals(Role.PLANT, plant.role());
            assertTrue(plant.covers(site));
            assertEquals(1, plant.scopes().size());
        }
        assertEquals(Role.REGULATOR, store.authenticate(tokens.regulator().orElseThrow()).orElseThrow().role());
        // The demo prints them in tokens-file format; they must read back the same.
        SimulatorTokens reread = SimulatorTokens.parse(TokenStore.toLines(generated), "lines");
        assertEquals(tokens.plant("S-OSK-02"), reread.plant("S-OSK-02"));
        assertEquals(tokens.regulator(), reread.regulator());
    }
}
