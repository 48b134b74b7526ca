package io.scraptrace.core.http;

import io.javalin.Javalin;

/**
 * A service's HTTP endpoints. Each service contributes its routes to one {@link ApiServer}, so the
 * demo serves everything on one port and a service run alone serves just its part.
 */
@FunctionalInterface
public interface Routes {
    void register(Javalin app, Auth auth);
}
