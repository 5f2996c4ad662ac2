package dev.asymmetric.it.controller;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asymmetric.testing.Launcher;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API of a running controller, with rest-assured. */
class RestApiIT {
    @TempDir
    static Path tmp;

    static Launcher cli;
    static RunningController controller;

    @BeforeAll
    static void start() throws IOException {
        cli = new Launcher(tmp.resolve("home"));
        controller = new RunningController(cli, tmp.resolve("specs"));
    }

    @AfterAll
    static void stop() {
        controller.close();
        cli.close();
    }

    private static RequestSpecification api() {
        return given().baseUri("http://127.0.0.1").port(controller.port);
    }

    /** A spec body, sent as YAML (the API refuses a PUT without a YAML or JSON Content-Type). */
    private static RequestSpecification yaml(String body) {
        return api().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .encodeContentTypeAs("application/yaml", ContentType.TEXT))).contentType("application/yaml").body(body);
    }

    @Test
    void healthAndMetrics() {
        api().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
        api().get("/health/ready").then().statusCode(200).body("status", equalTo("UP")).body("docker", equalTo("ok"));
        api().get("/metrics").then().statusCode(200).contentType(startsWith("text/plain"))
                .body(containsString("asym_queue_depth"), containsString("asym_clones{state=\"running\"}"),
                        containsString("asym_docker_up 1.0"));
    }

    @Test
    void catalogAndUnknownRoutes() {
        api().get("/api/v1/templates").then().statusCode(200).body("name", hasItem("fixture"))
                .body("find { it.name == 'fixture' }.modes[0]", equalTo("api"));
        api().get("/api/v1/nothing").then().statusCode(404);
        api().post("/api/v1/templates").then().statusCode(405).header("Allow", "GET");
    }

    @Test
    void unknownEnvironmentIs404WithTheNamedError() {
        api().get("/api/v1/environments/ghost").then().statusCode(404)
                .body("code", equalTo("ENV_NOT_FOUND"))
                .body("message", equalTo("No environment named 'ghost'. List them with: asymmetric env status"));
        api().delete("/api/v1/environments/ghost").then().statusCode(404).body("code", equalTo("ENV_NOT_FOUND"));
        api().post("/api/v1/environments/ghost/reset").then().statusCode(404).body("code", equalTo("ENV_NOT_FOUND"));
    }

    @Test
    void invalidSpecsAre422WithTheSameMessageAsTheCli() {
        yaml("name: rest\nclone:\n  - template: fixture\n").put("/api/v1/environments/rest").then().statusCode(422)
                .body("code", equalTo("ENV_SPEC_INVALID"))
                .body("message", containsString("Unknown key(s): 'clone' (did you mean 'clones'?)"));
        yaml("name: other\nclones:\n  - template: fixture\n").put("/api/v1/environments/rest").then().statusCode(422)
                .body("code", equalTo("ENV_SPEC_INVALID")).body("message", containsString("does not match"));
        api().contentType("application/json").body("{\"name\":\"rest\",\"clones\":[{\"template\":\"fixtur\"}]}")
                .put("/api/v1/environments/rest").then()
                .statusCode(422).body("code", equalTo("TEMPLATE_NOT_FOUND"))
                .body("message", containsString("did you mean 'fixture'?"));
        api().get("/api/v1/environments/rest").then().statusCode(404);
    }

    @Test
    void putGetResetDeleteAnEnvironment() {
        yaml("name: rest\nclones:\n  - template: fixture\n").put("/api/v1/environments/rest").then().statusCode(201)
                .body("name", equalTo("rest")).body("generation", equalTo(1));
        api().contentType("application/json").body("{\"name\":\"rest\",\"clones\":[{\"template\":\"fixture\"},"
                + "{\"template\":\"fixture\",\"seed\":\"acme-corp\"}]}")
                .put("/api/v1/environments/rest").then().statusCode(200).body("generation", equalTo(2));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                "running".equals(api().get("/api/v1/environments/rest").path("state"))
                        && ((Integer) api().get("/api/v1/environments/rest").path("observedGeneration")) == 2);
        api().get("/api/v1/environments").then().statusCode(200).body("name", hasItem("rest"));
        api().get("/api/v1/environments/rest").then().body("clones", hasSize(2))
                .body("clones[0].endpoints.api", startsWith("http://127.0.0.1:"));
        api().get("/api/v1/clones").then().statusCode(200).body("environment", hasItem("rest"));

        api().post("/api/v1/environments/rest/reset").then().statusCode(202).body("name", equalTo("rest"));
        api().delete("/api/v1/environments/rest").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                api().get("/api/v1/environments/rest").statusCode() == 404);
    }

    /** The status code a raw request gets (raw, so Host and Origin are the test's to choose). */
    private static int raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", controller.port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.UTF_8);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void aWebPageCantDriveIt() throws IOException {
        assertEquals(421, raw("GET /api/v1/environments HTTP/1.1\r\nHost: rebound.example:" + controller.port
                + "\r\nConnection: close\r\n\r\n"), "DNS rebinding: the page's own host name");
        assertEquals(403, raw("POST /api/v1/environments/ghost/reset HTTP/1.1\r\nHost: 127.0.0.1:" + controller.port
                + "\r\nOrigin: http://evil.example\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n"), "a cross-site simple POST");
        api().body("name: rest\nclones:\n  - template: fixture\n").put("/api/v1/environments/rest").then().statusCode(415)
                .body("code", equalTo("REQUEST_REFUSED"));
        api().get("/api/v1/environments/a%00b").then().statusCode(400).body("code", equalTo("REQUEST_REFUSED"));
    }

    @Test
    void slowClientsDontMakeTheApiOrHealthUnreachable() throws Exception {
        List<Socket> slow = new ArrayList<>();
        AtomicBoolean dribbling = new AtomicBoolean(true);
        for (int i = 0; i < 6; i++) {
            slow.add(new Socket("127.0.0.1", controller.port));
        }
        Thread dribble = new Thread(() -> {
            byte[] request = ("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1:" + controller.port + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            for (int b = 0; b < request.length && dribbling.get(); b++) {
                for (Socket s : slow) {
                    try {
                        s.getOutputStream().write(request[b]);
                    } catch (IOException closedByTheServer) {
                        // expected once its headers are late
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        dribble.start();
        try {
            int answered = 0;
            for (int i = 0; i < 20; i++) {
                if (controller.status("/health/live") == 200 && controller.status("/api/v1/templates") == 200) {
                    answered++;
                }
                Thread.sleep(200);
            }
            assertEquals(20, answered, "health and the API answered every time (5 s each) beside 6 clients at 1 byte/s");
            for (Socket s : slow) {
                s.setSoTimeout(15_000);
                int first;
                try {
                    first = s.getInputStream().read();
                } catch (java.net.SocketException reset) {
                    first = -1;
                }
                assertEquals(-1, first, "a client that takes longer than 5 s for its headers is disconnected");
            }
        } finally {
            dribbling.set(false);
            dribble.interrupt();
            for (Socket s : slow) {
                s.close();
            }
        }
    }
}
