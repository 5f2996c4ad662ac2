package dev.asymmetric.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.app.Home;
import dev.asymmetric.config.Settings;
import dev.asymmetric.intent.SpecFileReports;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.spec.EnvironmentSpecReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API as a loopback service a web page can't drive, over real sockets (raw HTTP, so Host, Origin and
 * slow clients are ours to choose). No Docker: readiness and metrics are stand-ins; writes only touch the store.
 */
class RestApiTest {
    @TempDir
    Path tmp;

    private Home home;
    private RestApi api;
    private int port;

    @BeforeEach
    void start() {
        home = new Home(() -> Settings.load(Map.of("ASYM_HOME", tmp.resolve("home").toString()), tmp.toString()),
                Clock.systemUTC());
        api = new RestApi(home, () -> true, () -> "ok", () -> "asym_up 1\n");
        port = api.start(0);
    }

    @AfterEach
    void stop() {
        api.close();
        home.close();
    }

    /** One raw exchange: status code, headers and body of the answer. */
    record Answer(int status, String head, String body) {
    }

    private Answer send(String method, String path, Map<String, String> headers, String body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                req.append("Content-Length: ").append(bytes.length).append("\r\n");
            }
            req.append("Connection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = split < 0 ? all : all.substring(0, split);
            return new Answer(Integer.parseInt(head.split(" ")[1]), head, split < 0 ? "" : all.substring(split + 4));
        }
    }

    private Map<String, String> host() {
        return Map.of("Host", "127.0.0.1:" + port);
    }

    private Map<String, String> with(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>(host());
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static final String SPEC = "name: web\nclones:\n  - template: fixture\n";

    @Test
    void aRequestForAnotherHostIsRefusedWith421SoDnsRebindingGetsNothing() throws Exception {
        Answer rebound = send("GET", "/api/v1/environments", Map.of("Host", "attacker.example:" + port), null);
        assertEquals(421, rebound.status());
        assertTrue(rebound.body().contains("\"code\" : \"REQUEST_REFUSED\""), rebound.body());
        assertTrue(rebound.body().contains("not Host 'attacker.example:" + port + "'"), rebound.body());
        assertEquals(421, send("GET", "/health/live", Map.of("Host", "127.0.0.1:1"), null).status(), "another port");
        assertEquals(421, send("GET", "/health/live", Map.of(), null).status(), "no Host at all");
        assertEquals(200, send("GET", "/health/live", Map.of("Host", "localhost:" + port), null).status());
        assertEquals(200, send("GET", "/health/live", host(), null).status());
    }

    @Test
    void aWriteFromAnotherOriginIsRefusedWith403AndChangesNothing() throws Exception {
        Answer put = send("PUT", "/api/v1/environments/web", with("Origin", "http://attacker.example",
                "Content-Type", "application/yaml"), SPEC);
        assertEquals(403, put.status(), put.body());
        assertTrue(put.body().contains("REQUEST_REFUSED"), put.body());
        assertEquals(403, send("DELETE", "/api/v1/environments/web", with("Origin", "null"), null).status());
        assertEquals(403, send("POST", "/api/v1/environments/web/reset", with("Origin", "http://attacker.example"), null)
                .status(), "the cross-site POST …/reset that worked with no preflight");
        assertTrue(home.store().environment("web").isEmpty());
        assertEquals(200, send("GET", "/api/v1/environments", with("Origin", "http://attacker.example"), null).status(),
                "reads are answered (without CORS headers, a page can't read them)");
        assertEquals(201, send("PUT", "/api/v1/environments/web", with("Origin", "http://127.0.0.1:" + port,
                "Content-Type", "application/yaml"), SPEC).status(), "the API's own origin may write");
    }

    @Test
    void aPutNeedsAYamlOrJsonContentType() throws Exception {
        Answer none = send("PUT", "/api/v1/environments/web", host(), SPEC);
        assertEquals(415, none.status());
        assertTrue(none.body().contains("-H 'Content-Type: application/yaml'"), none.body());
        assertEquals(415, send("PUT", "/api/v1/environments/web", with("Content-Type", "text/plain"), SPEC).status());
        assertEquals(415, send("PUT", "/api/v1/environments/web",
                with("Content-Type", "application/x-www-form-urlencoded"), SPEC).status());
        assertTrue(home.store().environment("web").isEmpty());
        assertEquals(405, send("PUT", "/api/v1/templates", host(), SPEC).status(), "a wrong method is still 405");
        assertEquals(201, send("PUT", "/api/v1/environments/web", with("Content-Type", "application/yaml; charset=utf-8"),
                SPEC).status());
        assertEquals(202, send("POST", "/api/v1/environments/web/reset",
                with("Content-Type", "application/x-www-form-urlencoded"), null).status(), "no body is expected here");
    }

    @Test
    void aWriteABrowserMarksCrossSiteIsRefusedEvenWithoutAnOrigin() throws Exception {
        assertEquals(201, send("PUT", "/api/v1/environments/web", with("Content-Type", "application/yaml"), SPEC).status());
        assertEquals(403, send("POST", "/api/v1/environments/web/reset", with("Sec-Fetch-Site", "cross-site"), null)
                .status());
        assertEquals(0, home.store().environment("web").orElseThrow().spec().resetCount());
        assertEquals(202, send("POST", "/api/v1/environments/web/reset", with("Sec-Fetch-Site", "same-origin"), null)
                .status());
    }

    @Test
    void namesWithNulOrPastTheDocumentedLengthAre400NamedErrorsNot500() throws Exception {
        Answer nul = send("GET", "/api/v1/environments/a%00b", host(), null);
        assertEquals(400, nul.status(), nul.body());
        assertTrue(nul.body().contains("'a\\\\u0000b' is not an environment name"), nul.body());
        Answer longName = send("DELETE", "/api/v1/environments/" + "a".repeat(41), host(), null);
        assertEquals(400, longName.status(), longName.body());
        assertTrue(longName.body().contains("at most 40 characters"), longName.body());
        assertEquals(400, send("POST", "/api/v1/environments/" + "b".repeat(300) + "/reset", host(), null).status());
    }

    @Test
    void aBodyDeclaredOverTheLimitIs413BeforeAnyOfItIsRead() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("PUT /api/v1/environments/web HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/yaml\r\nContent-Length: " + (1024 * 1024 + 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            String answer = new String(s.getInputStream().readNBytes(12), StandardCharsets.UTF_8);
            assertEquals("HTTP/1.1 413", answer);
        }
        assertTrue(home.store().environment("web").isEmpty());
    }

    @Test
    void aCorruptRecordIsLeftOutOfTheListWithAWarningAndIsA409NamingTheFixForGetAndDelete() throws Exception {
        assertEquals(201, send("PUT", "/api/v1/environments/web", with("Content-Type", "application/yaml"), SPEC).status());
        Path broken = tmp.resolve("home/state/envs/broken.yaml");
        Files.writeString(broken, "metadata: [torn\n");
        Answer list = send("GET", "/api/v1/environments", host(), null);
        assertEquals(200, list.status());
        assertTrue(list.body().contains("\"name\" : \"web\""), list.body());
        assertTrue(list.head().contains("Warning: 199 - \"REGISTRY_CORRUPT: The state file " + broken), list.head());
        for (String method : List.of("GET", "DELETE")) {
            Answer one = send(method, "/api/v1/environments/broken", host(), null);
            assertEquals(409, one.status(), method + " " + one.body());
            assertTrue(one.body().contains("REGISTRY_CORRUPT") && one.body().contains("mv " + broken), one.body());
        }
    }

    @Test
    void deletingAnEnvironmentItsSpecFolderFileStillDefinesIs409NamingTheFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("team.yaml"), "name: team\n");
        home.desired().applyEnvironment(new EnvironmentSpecReader.EnvironmentDoc("team",
                List.of(new CloneRequest("fixture", null, null))), file.toString(), SpecFileReports.FOLDER, Map.of());
        Answer d = send("DELETE", "/api/v1/environments/team", host(), null);
        assertEquals(409, d.status(), d.body());
        assertTrue(d.body().contains("ENV_OWNED_BY_FOLDER") && d.body().contains(file.toString()), d.body());
        assertTrue(!home.store().environment("team").orElseThrow().metadata().deleting());
    }

    @Test
    void slowClientsNeverStarveHealthAndAreCutOffOnceTheirHeadersAreLate() throws Exception {
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Socket s = new Socket("127.0.0.1", port);
            s.getOutputStream().write("GET /health/live HTTP/1.1\r\nHo".getBytes(StandardCharsets.UTF_8));
            slow.add(s);
        }
        Socket slowBody = new Socket("127.0.0.1", port);
        slowBody.getOutputStream().write(("PUT /api/v1/environments/web HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/yaml\r\nContent-Length: 500\r\n\r\nname: ").getBytes(StandardCharsets.UTF_8));
        slow.add(slowBody);
        int answered = 0;
        for (int i = 0; i < 20; i++) {
            if (send("GET", "/health/live", host(), null).status() == 200) {
                answered++;
            }
        }
        assertEquals(20, answered, "every health check answered (each within 5 s) beside 9 stalled clients");
        for (Socket s : slow.subList(0, 8)) {
            s.setSoTimeout((ApiLimits.HEADER_SECONDS + 5) * 1000);
            assertEquals(-1, readOrReset(s.getInputStream()), "a client whose headers are late is disconnected");
            s.close();
        }
        slowBody.close();
    }

    private static int readOrReset(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException reset) {
            return -1;
        }
    }
}
