package io.scraptrace.app.demo;

import io.scraptrace.core.auth.Principal;
import io.scraptrace.core.auth.Role;
import io.scraptrace.core.auth.TokenStore;
import io.scraptrace.core.config.ScrapTraceConfig;
import io.scraptrace.simulator.plant.PlantSite;
import io.scraptrace.simulator.plant.PlantWorld;
import io.scraptrace.simulator.plant.SimulatorTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The demo's tokens: one regulator, one operator for the first two regions and one plant token per
 * simulated site. Generated once into the data dir and reused, so a restarted demo keeps the
 * tokens a browser or script already holds.
 */
final class DemoTokens {
    static final String FILE = "demo-tokens.txt";

    private DemoTokens() {
    }

    /** The tokens file to use: the configured one, or the demo's own (created on first start). */
    static Path ensure(Path dataDir, PlantWorld world) {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            return file;
        }
        Map<String, Principal> tokens = new LinkedHashMap<>(SimulatorTokens.generate(world.siteIds()));
        List<String> regions = world.sites().stream().map(PlantSite::site).map(s -> s.getRegion()).distinct().limit(2).toList();
        tokens.putAll(operatorOnly(TokenStore.generateDemo(regions, world.siteIds().get(0))));
        List<String> lines = new ArrayList<>();
        lines.add("# ScrapTrace demo tokens: TOKEN ROLE SCOPE. Generated on first start; delete to regenerate.");
        lines.addAll(TokenStore.toLines(tokens));
        try {
            Files.createDirectories(dataDir);
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /**
     * Console lines for the tokens in force: the regulator, the operator and the first plant token,
     * enough to try every role, when the demo generated them; none when the configuration names
     * the user's own file, whose real secrets must not reach a console or a captured log.
     */
    static List<String> console(ScrapTraceConfig config, Path tokensFile) {
        return config.tokensFile().isPresent() ? List.of() : console(tokensFile);
    }

    private static List<String> console(Path demoFile) {
        List<String> shown = new ArrayList<>();
        boolean plantShown = false;
        for (Map.Entry<String, Principal> token : TokenStore.readTokens(read(demoFile), demoFile.toString()).entrySet()) {
            Principal principal = token.getValue();
            if (principal.is(Role.PLANT) && plantShown) {
                continue;
            }
            plantShown |= principal.is(Role.PLANT);
            shown.add(String.format("%-9s %-12s %s", principal.role().name().toLowerCase(Locale.ROOT),
                    String.join(",", new TreeSet<>(principal.scopes())), token.getKey()));
        }
        return shown;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Map<String, Principal> operatorOnly(Map<String, Principal> generated) {
        Map<String, Principal> operator = new LinkedHashMap<>();
        generated.forEach((token, principal) -> {
            if (principal.is(Role.OPERATOR)) {
                operator.put(token, principal);
            }
        });
        return operator;
    }
}
