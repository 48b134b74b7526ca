package io.scraptrace.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of nginx's request routing the API uses: regex locations ({@code ~}) in order, else the
 * longest prefix location, and {@code if ($request_method = M) { proxy_pass ...; }} inside one.
 * Regexes are checked first here; nginx checks them after remembering the longest prefix, which
 * picks the same location for a config without {@code ^~} or {@code =} locations.
 */
record NginxRoutes(Map<String, List<String>> upstreams, List<Location> locations) {
    record Location(boolean regex, String pattern, String body) {
    }

    private static final Pattern UPSTREAM = Pattern.compile("upstream\\s+(\\w+)\\s*\\{([^}]*)}");
    private static final Pattern SERVER = Pattern.compile("server\\s+([\\w.:-]+)\\s*;");
    private static final Pattern LOCATION = Pattern.compile("location\\s+(~\\s+)?(\\S+)\\s*\\{");
    private static final Pattern METHOD_IF = Pattern.compile("if\\s*\\(\\$request_method\\s*=\\s*(\\w+)\\)\\s*\\{\\s*proxy_pass\\s+http://(\\w+);\\s*}");
    private static final Pattern PROXY_PASS = Pattern.compile("proxy_pass\\s+http://(\\w+);");

    static NginxRoutes parse(String conf) {
        conf = conf.replaceAll("(?m)#.*$", "");
        assertTrue(!conf.contains("^~") && !Pattern.compile("location\\s+=").matcher(conf).find() && !conf.contains("~*"),
                "the routing model covers regex and prefix locations only");
        Map<String, List<String>> upstreams = new LinkedHashMap<>();
        Matcher u = UPSTREAM.matcher(conf);
        while (u.find()) {
            List<String> servers = new ArrayList<>();
            Matcher s = SERVER.matcher(u.group(2));
            while (s.find()) {
                servers.add(s.group(1));
            }
            upstreams.put(u.group(1), servers);
        }
        List<Location> locations = new ArrayList<>();
        Matcher l = LOCATION.matcher(conf);
        while (l.find()) {
            int depth = 1;
            int end = l.end();
            while (depth > 0) {
                char c = conf.charAt(end++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            locations.add(new Location(l.group(1) != null, l.group(2), conf.substring(l.end(), end - 1)));
        }
        return new NginxRoutes(upstreams, locations);
    }

    List<String> servers(String upstream) {
        return upstreams.getOrDefault(upstream, List.of());
    }

    Location location(String method, String path) {
        return locations.stream().filter(loc -> loc.regex() && Pattern.compile(loc.pattern()).matcher(path).find()).findFirst()
                .or(() -> locations.stream().filter(loc -> !loc.regex() && path.startsWith(loc.pattern()))
                        .max((a, b) -> Integer.compare(a.pattern().length(), b.pattern().length())))
                .orElseThrow(() -> new AssertionError("no location for " + method + " " + path));
    }

    /** The upstream a request is proxied to, or null if none. */
    String upstreamOf(String method, String path) {
        String body = location(method, path).body();
        Matcher ifMethod = METHOD_IF.matcher(body);
        while (ifMethod.find()) {
            if (ifMethod.group(1).equals(method)) {
                return known(ifMethod.group(2));
            }
        }
        Matcher pass = PROXY_PASS.matcher(METHOD_IF.matcher(body).replaceAll(""));
        return pass.find() ? known(pass.group(1)) : null;
    }

    private String known(String upstream) {
        assertTrue(upstreams.containsKey(upstream), "upstream " + upstream + " is defined");
        return upstream;
    }
}
