package dev.asymmetric.controller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.asymmetric.app.Home;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.errors.ErrorRenderer;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.Event;
import dev.asymmetric.model.Template;
import dev.asymmetric.spec.EnvironmentSpecReader;
import dev.asymmetric.view.Views;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The controller's REST API and health, on the JDK's HTTP server (started only by the controller; verbs never bind
 * a port). Writes go through the same desired-state edits as the verbs, never straight to Docker; errors are the
 * verbs' named errors as JSON ({@code code}, {@code message}) with a fitting HTTP status.
 *
 * <pre>
 * GET    /api/v1/environments              GET /api/v1/clones        GET /health/live
 * GET    /api/v1/environments/{name}       GET /api/v1/templates     GET /health/ready (503 when Docker doesn't answer)
 * PUT    /api/v1/environments/{name}       (YAML or JSON spec)       GET /metrics (Prometheus)
 * DELETE /api/v1/environments/{name}
 * POST   /api/v1/environments/{name}/reset
 * </pre>
 */
final class RestApi implements AutoCloseable {
    private static final Pattern ENV = Pattern.compile("/api/v1/environments/([^/]+)(/reset)?/?");
    private static final long MAX_BODY = 1024 * 1024;

    private final Home home;
    private final BooleanSupplier ready;
    private final Supplier<String> readiness;
    private final Supplier<String> metrics;
    private HttpServer server;

    RestApi(Home home, BooleanSupplier ready, Supplier<String> readiness, Supplier<String> metrics) {
        this.home = home;
        this.ready = ready;
        this.readiness = readiness;
        this.metrics = metrics;
    }

    /** Binds 127.0.0.1:{@code port} (0 = any free port) and returns the port bound. */
    int start(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new AsymException(ErrorCode.PORT_UNAVAILABLE, "Can't listen on 127.0.0.1:" + port + " ("
                    + e.getMessage() + "); pick another with --port or ASYM_CONTROLLER_PORT.");
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "rest-api");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            try {
                route(x, method, path);
            } catch (AsymException e) {
                error(x, status(e.code()), e);
            } catch (RuntimeException e) {
                error(x, 500, ErrorRenderer.asNamed(e));
            }
        }
    }

    private void route(HttpExchange x, String method, String path) throws IOException {
        switch (path) {
            case "/health/live", "/health/live/" -> json(x, 200, Map.of("status", "UP"));
            case "/health/ready", "/health/ready/" -> {
                boolean ok = ready.getAsBoolean();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", ok ? "UP" : "DOWN");
                body.put("docker", readiness.get());
                json(x, ok ? 200 : 503, body);
            }
            case "/metrics" -> text(x, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get());
            case "/api/v1/environments", "/api/v1/environments/" -> {
                allow(method, "GET");
                Views views = new Views(home);
                List<Map<String, Object>> rows = new ArrayList<>();
                home.store().environments().forEach(e -> rows.add(views.environment(e)));
                json(x, 200, rows);
            }
            case "/api/v1/clones", "/api/v1/clones/" -> {
                allow(method, "GET");
                Views views = new Views(home);
                List<Map<String, Object>> rows = new ArrayList<>();
                home.store().clones().forEach(c -> rows.add(views.clone(c)));
                json(x, 200, rows);
            }
            case "/api/v1/templates", "/api/v1/templates/" -> {
                allow(method, "GET");
                Views views = new Views(home);
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Template t : home.catalog().all().values()) {
                    rows.add(views.template(t));
                }
                json(x, 200, rows);
            }
            default -> environment(x, method, path);
        }
    }

    private void environment(HttpExchange x, String method, String path) throws IOException {
        Matcher m = ENV.matcher(path);
        if (!m.matches()) {
            error(x, 404, new AsymException(ErrorCode.USAGE, "No such endpoint: " + path + ". See docs/cli.md (REST API)."));
            return;
        }
        String name = m.group(1);
        if (m.group(2) != null) {
            allow(method, "POST");
            require(name);
            home.desired().resetEnvironment(name);
            json(x, 202, detail(require(name)));
            return;
        }
        switch (method) {
            case "GET" -> json(x, 200, detail(require(name)));
            case "DELETE" -> {
                require(name);
                json(x, 202, detail(home.desired().destroyEnvironment(name)));
            }
            case "PUT" -> put(x, name);
            default -> throw notAllowed(method, "GET, PUT, DELETE");
        }
    }

    private void put(HttpExchange x, String name) throws IOException {
        byte[] body;
        try (InputStream in = x.getRequestBody()) {
            body = in.readNBytes((int) MAX_BODY + 1);
        }
        EnvironmentSpecReader.EnvironmentDoc doc = home.specReader().parse(body, "request body");
        if (!name.equals(doc.name())) {
            throw new AsymException(ErrorCode.ENV_SPEC_INVALID, "request body: name: '" + doc.name()
                    + "' does not match the environment in the URL ('" + name + "'). Fix it and retry.");
        }
        boolean existed = home.store().environment(name).isPresent();
        Environment env = home.desired().applyEnvironment(doc, null, "api", Map.of());
        json(x, existed ? 200 : 201, detail(env));
    }

    private Environment require(String name) {
        return home.store().environment(name).orElseThrow(() -> AsymException.envNotFound(name));
    }

    private Map<String, Object> detail(Environment e) {
        Views views = new Views(home);
        List<Clone> members = new ArrayList<>();
        e.status().members().forEach(id -> home.store().clone(id).ifPresent(members::add));
        List<Event> events = new ArrayList<>(home.events().recent(e.key(), 20));
        events.sort(Comparator.comparing(Event::time));
        Map<String, Object> m = views.environmentDetail(e, members, events);
        if (e.spec().source() != null) {
            Optional.ofNullable(home.specFileReports().problems().get(e.spec().source()))
                    .ifPresent(problem -> m.put("specProblem", problem));
        }
        return m;
    }

    private static void allow(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw notAllowed(method, allowed);
        }
    }

    private static AsymException notAllowed(String method, String allowed) {
        return new AsymException(ErrorCode.USAGE, method + " is not allowed here; use " + allowed + ".",
                Map.of("allow", allowed), null);
    }

    static int status(ErrorCode code) {
        return switch (code) {
            case ENV_NOT_FOUND, CLONE_NOT_FOUND -> 404;
            case ENV_SPEC_INVALID, TEMPLATE_NOT_FOUND, MODE_NOT_FOUND, SEED_NOT_FOUND -> 422;
            case USAGE -> 405;
            case DOCKER_UNAVAILABLE -> 503;
            case NO_FREE_PORTS, PORT_IN_USE, CONTROLLER_RUNNING -> 409;
            default -> 500;
        };
    }

    private void error(HttpExchange x, int status, AsymException e) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code().name());
        body.put("message", e.getMessage());
        e.details().forEach(body::putIfAbsent);
        if (e.details().containsKey("allow")) {
            x.getResponseHeaders().add("Allow", String.valueOf(e.details().get("allow")));
        }
        json(x, status, body);
    }

    private void json(HttpExchange x, int status, Object body) throws IOException {
        String s;
        try {
            s = home.codec().json().writerWithDefaultPrettyPrinter().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        text(x, status, "application/json", s + "\n");
    }

    private static void text(HttpExchange x, int status, String type, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(1);
        }
    }
}
