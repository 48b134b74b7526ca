package io.scraptrace.core.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer tokens and what they may do. File format, one a line: {@code TOKEN ROLE SCOPE} with
 * SCOPE a siteId, comma-separated regions or {@code *}; {@code #} starts a comment. Only SHA-256
 * digests of tokens are kept, and a presented token is compared against every entry with
 * {@link MessageDigest#isEqual} so timing does not reveal how much of a token matched.
 */
public final class TokenStore implements Authenticator {
    private record Entry(byte[] digest, Principal principal) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<Entry> entries;

    private TokenStore(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Parse a tokens file. */
    public static TokenStore load(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokens file " + file, e);
        }
    }

    /** Parse tokens-file lines; {@code origin} names the source in error messages. */
    public static TokenStore parse(List<String> lines, String origin) {
        return of(readTokens(lines, origin));
    }

    /**
     * The tokens of tokens-file lines in clear, token -> principal: for clients that must present
     * them (the simulator), never for a server (which keeps digests only).
     */
    public static Map<String, Principal> readTokens(List<String> lines, String origin) {
        Map<String, Principal> tokens = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] parts = content.split("\\s+");
            if (parts.length != 3) {
                throw new IllegalArgumentException(origin + ":" + (i + 1) + ": expected 'TOKEN ROLE SCOPE'");
            }
            Role role;
            try {
                role = Role.valueOf(parts[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + ":" + (i + 1) + ": unknown role " + parts[1]
                        + " (plant, operator, regulator)", e);
            }
            String label = role.name().toLowerCase(Locale.ROOT) + "@" + parts[2] + "#" + (i + 1);
            try {
                tokens.put(parts[0], new Principal(label, role, Set.of(parts[2].split(","))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return tokens;
    }

    /**
     * Tokens for a demo: one regulator, one operator for the first regions, one plant for the
     * first site, each a fresh random secret. Returns token -> principal so they can be printed.
     */
    public static Map<String, Principal> generateDemo(List<String> operatorRegions, String plantSite) {
        Map<String, Principal> tokens = new LinkedHashMap<>();
        tokens.put(newToken("reg"), new Principal("regulator@*", Role.REGULATOR, Set.of(Principal.ANY)));
        tokens.put(newToken("op"), new Principal("operator@" + String.join(",", operatorRegions), Role.OPERATOR, Set.copyOf(operatorRegions)));
        tokens.put(newToken("plant"), new Principal("plant@" + plantSite, Role.PLANT, Set.of(plantSite)));
        return tokens;
    }

    /** A store holding exactly these tokens. */
    public static TokenStore of(Map<String, Principal> tokens) {
        List<Entry> entries = new ArrayList<>();
        tokens.forEach((token, principal) -> entries.add(new Entry(sha256(token), principal)));
        return new TokenStore(entries);
    }

    /** Lines in tokens-file format for these tokens (to write next to a demo's data). */
    public static List<String> toLines(Map<String, Principal> tokens) {
        List<String> lines = new ArrayList<>();
        tokens.forEach((token, p) -> lines.add(token + " " + p.role().name().toLowerCase(Locale.ROOT) + " " + String.join(",", p.scopes())));
        return lines;
    }

    /** The principal of a presented token, if it is known. Constant time in the token's content. */
    @Override
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(token);
        Principal found = null;
        for (Entry entry : entries) {
            // No early exit: every entry is compared whatever matched.
            if (MessageDigest.isEqual(entry.digest(), presented)) {
                found = entry.principal();
            }
        }
        Arrays.fill(presented, (byte) 0);
        return Optional.ofNullable(found);
    }

    /** Number of tokens. */
    public int size() {
        return entries.size();
    }

    /** A fresh random token (144 bits from a SecureRandom) with a readable prefix such as {@code plant}. */
    public static String newToken(String prefix) {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return prefix + "-" + HexFormat.of().formatHex(bytes);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
