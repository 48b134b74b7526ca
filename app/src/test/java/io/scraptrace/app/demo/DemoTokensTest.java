package io.scraptrace.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.auth.TokenStore;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.simulator.plant.PlantWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo prints tokens it generated so they can be tried, and never the secrets of a user's own file. */
class DemoTokensTest {
    @TempDir
    Path dir;

    @Test
    void printsOneTokenPerRoleTheDemoGenerated() throws Exception {
        Path file = DemoTokens.ensure(dir, PlantWorld.create(3, 7, true, LocalDate.of(2026, 1, 1)));
        Map<String, Principal> generated = TokenStore.readTokens(Files.readAllLines(file), file.toString());

        List<String> shown = DemoTokens.console(ScrapTraceConfig.of(Map.of()), file);

        assertEquals(3, shown.size(), shown.toString());
        for (Role role : Role.values()) {
            String token = generated.entrySet().stream().filter(e -> e.getValue().is(role)).findFirst().orElseThrow().getKey();
            assertTrue(shown.stream().anyMatch(line -> line.endsWith(" " + token)), role + " token shown: " + shown);
        }
    }

    @Test
    void printsNothingOfTheUsersOwnTokensFile() throws Exception {
        Path own = dir.resolve("tokens.txt");
        Files.write(own, List.of("site-secret-1 regulator *", "site-secret-2 plant SITE-1"));

        List<String> shown = DemoTokens.console(ScrapTraceConfig.of(Map.of(ScrapTraceConfig.TOKENS_FILE, own.toString())), own);

        assertEquals(List.of(), shown);
    }
}
