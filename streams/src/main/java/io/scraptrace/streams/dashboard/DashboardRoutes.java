package io.scraptrace.streams.dashboard;

import io.javalin.Javalin;
import io.scraptrace.core.http.Auth;
import io.scraptrace.core.http.Routes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the operators' and regulators' dashboard at {@code /}: one self-contained page that reads
 * the query API with the token the user enters, so the page itself needs no auth.
 */
public final class DashboardRoutes implements Routes {
    private static final String PAGE = "/io/scraptrace/streams/dashboard/index.html";

    private final String html = load();

    @Override
    public void register(Javalin app, Auth auth) {
        app.get("/", ctx -> ctx.header("Cache-Control", "no-cache").html(html));
    }

    private static String load() {
        try (InputStream in = DashboardRoutes.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IOException("missing " + PAGE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the dashboard page", e);
        }
    }
}
