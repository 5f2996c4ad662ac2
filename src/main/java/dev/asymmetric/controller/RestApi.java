package dev.asymmetric.controller;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.asymmetric.app.Home;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.errors.ErrorRenderer;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.Event;
import dev.asymmetric.spec.EnvironmentSpecReader;
import dev.asymmetric.view.Views;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The controller's REST API and health, on the JDK's HTTP server (started only by the controller; verbs never bind
 * a port). Writes go through the same desired-state edits as the verbs, never straight to Docker; errors are the
 * verbs' named errors as JSON ({@code code}, {@code message}) with a fitting HTTP status ({@link Replies}). Every
 * request passes the {@link RequestGuard} (Host, Origin, Content-Type) first; {@link ApiLimits} bounds how long a
 * client may take and how many threads serve them.
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
    private final Replies replies;
    private HttpServer server;
    private ExecutorService executor;
    private RequestGuard guard;

    RestApi(Home home, BooleanSupplier ready, Supplier<String> readiness, Supplier<String> metrics) {
        this.home = home;
        this.ready = ready;
        this.readiness = readiness;
        this.metrics = metrics;
        this.replies = new Replies(home.codec());
    }

    /** Binds 127.0.0.1:{@code port} (0 = any free port) and returns the port bound. */
    int start(int port) {
        ApiLimits.checkPort(port);
        ApiLimits.apply();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException | RuntimeException e) {
            throw new AsymException(ErrorCode.PORT_UNAVAILABLE, "Can't listen on 127.0.0.1:" + port + " ("
                    + e.getMessage() + "); pick another with --port or ASYM_CONTROLLER_PORT.");
        }
        executor = ApiLimits.executor();
        server.setExecutor(executor);
        guard = new RequestGuard(server.getAddress().getPort());
        server.createContext("/", this::handle);
        server.start();
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            try {
                guard.check(method, x.getRequestHeaders());
                route(x, method, path);
            } catch (RequestGuard.Refused r) {
                replies.error(x, r.status, r.error);
            } catch (AsymException e) {
                replies.error(x, Replies.status(e.code()), e);
            } catch (RuntimeException e) {
                replies.error(x, 500, ErrorRenderer.asNamed(e));
            }
        }
    }

    private void route(HttpExchange x, String method, String path) throws IOException {
        switch (path) {
            case "/health/live", "/health/live/" -> replies.json(x, 200, Map.of("status", "UP"));
            case "/health/ready", "/health/ready/" -> {
                boolean ok = ready.getAsBoolean();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", ok ? "UP" : "DOWN");
                body.put("docker", readiness.get());
                replies.json(x, ok ? 200 : 503, body);
            }
            case "/metrics" -> Replies.text(x, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get());
            case "/api/v1/environments", "/api/v1/environments/" -> {
                allow(method, "GET");
                Views views = Views.of(home);
                Replies.warn(x, home.store().unreadable(Environment.KIND));
                replies.json(x, 200, home.store().environments().stream().map(views::environment).toList());
            }
            case "/api/v1/clones", "/api/v1/clones/" -> {
                allow(method, "GET");
                Views views = Views.of(home);
                Replies.warn(x, home.store().unreadable(Clone.KIND));
                replies.json(x, 200, home.store().clones().stream().map(views::clone).toList());
            }
            case "/api/v1/templates", "/api/v1/templates/" -> {
                allow(method, "GET");
                Views views = Views.of(home);
                replies.json(x, 200, home.catalog().all().values().stream().map(views::template).toList());
            }
            default -> environment(x, method, path);
        }
    }

    private void environment(HttpExchange x, String method, String path) throws IOException {
        Matcher m = ENV.matcher(path);
        if (!m.matches()) {
            replies.error(x, 404, new AsymException(ErrorCode.USAGE, "No such endpoint: " + RequestGuard.shown(path)
                    + ". See docs/cli.md (REST API)."));
            return;
        }
        String name = m.group(1);
        Optional<AsymException> badName = RequestGuard.badName(name);
        if (badName.isPresent()) {
            throw badName.get();
        }
        if (m.group(2) != null) {
            allow(method, "POST");
            require(name);
            home.desired().resetEnvironment(name);
            replies.json(x, 202, detail(x, require(name)));
            return;
        }
        switch (method) {
            case "GET" -> replies.json(x, 200, detail(x, require(name)));
            case "DELETE" -> {
                Optional<String> file = home.specFileReports().definingFile(require(name));
                if (file.isPresent()) {
                    throw AsymException.envOwnedByFolder(name, file.get());
                }
                replies.json(x, 202, detail(x, home.desired().destroyEnvironment(name)));
            }
            case "PUT" -> put(x, name);
            default -> throw notAllowed(method, "GET, PUT, DELETE");
        }
    }

    private void put(HttpExchange x, String name) throws IOException {
        RequestGuard.specBody(x.getRequestHeaders());
        String length = x.getRequestHeaders().getFirst("Content-Length");
        // the JDK's server has already refused a Content-Length that is not a number
        if (length != null && Long.parseLong(length.strip()) > MAX_BODY) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = x.getRequestBody()) {
            body = in.readNBytes((int) MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw tooLarge();
        }
        EnvironmentSpecReader.EnvironmentDoc doc = home.specReader().parse(body, "request body");
        if (!name.equals(doc.name())) {
            throw new AsymException(ErrorCode.ENV_SPEC_INVALID, "request body: name: '" + doc.name()
                    + "' does not match the environment in the URL ('" + name + "'). Fix it and retry.");
        }
        boolean existed = home.store().environment(name).isPresent();
        Environment env = home.desired().applyEnvironment(doc, null, "api", Map.of());
        replies.json(x, existed ? 200 : 201, detail(x, env));
    }

    private static AsymException tooLarge() {
        return new AsymException(ErrorCode.RECORD_TOO_LARGE, "The request body is over " + MAX_BODY + " bytes, the most"
                + " a spec may be; split it into smaller environments and retry. Nothing was changed.");
    }

    private Environment require(String name) {
        return home.store().environment(name).orElseThrow(() -> AsymException.envNotFound(name));
    }

    /** The environment with its members (those whose records can't be read named in Warning headers) and events. */
    private Map<String, Object> detail(HttpExchange x, Environment e) {
        Views views = Views.of(home);
        List<Clone> members = new ArrayList<>();
        List<AsymException> unreadable = new ArrayList<>();
        for (String id : e.status().members()) {
            try {
                home.store().clone(id).ifPresent(members::add);
            } catch (AsymException corrupt) {
                unreadable.add(corrupt);
            }
        }
        Replies.warn(x, unreadable);
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

    @Override
    public void close() {
        if (server != null) {
            server.stop(1);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
