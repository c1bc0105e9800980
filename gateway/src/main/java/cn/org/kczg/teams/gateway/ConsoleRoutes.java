package cn.org.kczg.teams.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;

/**
 * The operator console at {@code /console/}: the static files the {@code console} module builds (in the gateway's
 * class path under {@value #BUILT_IN}, or a folder named by {@code kczg.gateway.console.dir} while the front end is
 * worked on), {@code index.html} for every path of the single-page app, and {@code /console/config.json} with the
 * sign-in settings. Everything the console does goes through {@code /api/v1/...} like any other client.
 */
@ApplicationScoped
public class ConsoleRoutes {
    static final String BASE = "/console";
    private static final String BUILT_IN = "kczg-console";

    @Inject
    GatewayConfig config;

    private String root;

    void register(@Observes Router router) {
        boolean ownFolder = config.console().dir().isPresent();
        root = ownFolder ? Path.of(config.console().dir().get()).toAbsolutePath().toString() : BUILT_IN;
        // a handler on /console/assets/* serves a path relative to that route: app-1a2b.js, from the assets folder
        StaticHandler files = ownFolder ? StaticHandler.create(FileSystemAccess.ROOT, root + "/assets")
                : StaticHandler.create(BUILT_IN + "/assets");
        // hashed file names (vite): a file never changes under its name
        files.setDefaultContentEncoding("UTF-8").setCachingEnabled(!ownFolder).setMaxAgeSeconds(31_536_000);
        router.route(BASE + "*").order(-15).handler(this::contentPolicy);
        // (Vert.x matches /console and /console/ alike)
        router.get(BASE).handler(ctx -> {
            if (ctx.request().path().endsWith("/")) {
                page(ctx);
            } else {
                ctx.redirect(BASE + "/");
            }
        });
        router.get(BASE + "/config.json").handler(this::settings);
        router.get(BASE + "/assets/*").handler(files);
        router.get(BASE + "/*").handler(this::page);
    }

    /** The app's page for {@code /console/} and every route in it; a missing file with an extension is a 404. */
    private void page(RoutingContext ctx) {
        String path = ctx.request().path();
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.contains(".") && !last.equals("index.html")) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Content-Type", "text/html;charset=UTF-8").putHeader("Cache-Control", "no-cache")
                .sendFile(root + "/index.html").onFailure(notBuilt -> {
                    if (!ctx.response().headWritten()) {
                        GatewayProblems.answer(ctx.request(), 404, "not-found", "not-served", path);
                    }
                });
    }

    /**
     * {@code {"oidc": null, "tokenSignIn": true}} locally; where an identity provider is set, its issuer, client id
     * and scope, and no sign-in by token unless {@code kczg.gateway.console.token-sign-in} says so.
     */
    private void settings(RoutingContext ctx) {
        GatewayConfig.Console console = config.console();
        JsonObject oidc = console.oidcIssuer().isEmpty() ? null : new JsonObject()
                .put("issuer", console.oidcIssuer().get()).put("clientId", console.oidcClientId().orElse("kczg-console"))
                .put("scope", console.oidcScope());
        boolean tokenSignIn = console.tokenSignIn().orElse(oidc == null);
        ctx.response().putHeader("Content-Type", "application/json;charset=UTF-8").putHeader("Cache-Control", "no-cache")
                .end(new JsonObject().put("oidc", oidc).put("tokenSignIn", tokenSignIn).encode());
    }

    private void contentPolicy(RoutingContext ctx) {
        ctx.response().putHeader("Content-Security-Policy", policy(config.console().oidcIssuer().orElse(null)))
                .putHeader("X-Frame-Options", "DENY");
        ctx.next();
    }

    /** Only the gateway's own files run; the API and the identity provider are the only places it talks to. */
    static String policy(String issuer) {
        String connect = "'self'";
        if (issuer != null && !issuer.isBlank()) {
            URI uri = URI.create(issuer.strip());
            connect += " " + uri.getScheme() + "://" + uri.getRawAuthority();
        }
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "connect-src " + connect + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    }
}
