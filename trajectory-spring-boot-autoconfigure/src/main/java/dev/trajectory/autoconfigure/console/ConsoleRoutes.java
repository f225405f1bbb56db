package dev.trajectory.autoconfigure.console;

import java.net.URI;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's routes under its path, all read-only GETs: the page ({@code {path}/}), its assets
 * ({@code {path}/assets/**}, shipped in the jar) and two JSON endpoints, {@code {path}/api/runs?q=&limit=} and
 * {@code {path}/api/runs/{traceId}}. JSON is written with the SDK's own mapper so the application's Jackson settings
 * cannot change the field names the page reads.
 */
final class ConsoleRoutes {

    /** Where the page and its assets are in the jar; not a location Spring Boot serves by itself. */
    static final String ASSETS = "META-INF/trajectory-console/";

    /** The page may load only its own scripts, styles and data: nothing from elsewhere, nothing inline. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    static final int DEFAULT_LIMIT = 50;

    static final int MAX_LIMIT = 200;

    private final String path;

    private final ConsoleRuns runs;

    private final JsonMapper mapper;

    ConsoleRoutes(String path, ConsoleRuns runs, JsonMapper mapper) {
        this.path = path;
        this.runs = runs;
        this.mapper = mapper;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET(path, this::redirectToPage)
                .GET(path + "/", request -> page())
                .GET(path + "/api/runs", this::runs)
                .GET(path + "/api/runs/{traceId}", this::run)
                .add(RouterFunctions.resources(path + "/assets/**", new ClassPathResource(ASSETS + "assets/"),
                        (resource, headers) -> secure(headers)))
                .build();
    }

    /** Relative, so it also works under a servlet context path. */
    private ServerResponse redirectToPage(ServerRequest request) {
        return ServerResponse.status(302).location(URI.create(path.substring(path.lastIndexOf('/') + 1) + "/"))
                .build();
    }

    private ServerResponse page() {
        Resource page = new ClassPathResource(ASSETS + "index.html");
        return ServerResponse.ok().contentType(MediaType.TEXT_HTML).headers(ConsoleRoutes::secure)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY).body(page);
    }

    private ServerResponse runs(ServerRequest request) {
        String query = request.param("q").orElse(null);
        int limit = request.param("limit").map(ConsoleRoutes::limit).orElse(DEFAULT_LIMIT);
        return json(Map.of("runs", runs.recent(query, limit)));
    }

    private ServerResponse run(ServerRequest request) {
        return runs.find(request.pathVariable("traceId")).map(this::json)
                .orElseGet(() -> ServerResponse.notFound().headers(ConsoleRoutes::secure).build());
    }

    private ServerResponse json(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).headers(ConsoleRoutes::secure)
                .body(mapper.writeValueAsBytes(body));
    }

    private static int limit(String value) {
        try {
            return Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(value)));
        }
        catch (NumberFormatException ex) {
            return DEFAULT_LIMIT;
        }
    }

    private static void secure(HttpHeaders headers) {
        headers.setCacheControl("no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
    }
}
