package dev.asymmetric.it.controller;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.asymmetric.testing.Launcher;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
        api().body("name: rest\nclone:\n  - template: fixture\n").put("/api/v1/environments/rest").then().statusCode(422)
                .body("code", equalTo("ENV_SPEC_INVALID"))
                .body("message", containsString("Unknown key(s): 'clone' (did you mean 'clones'?)"));
        api().body("name: other\nclones:\n  - template: fixture\n").put("/api/v1/environments/rest").then().statusCode(422)
                .body("code", equalTo("ENV_SPEC_INVALID")).body("message", containsString("does not match"));
        api().body("{\"name\":\"rest\",\"clones\":[{\"template\":\"fixtur\"}]}").put("/api/v1/environments/rest").then()
                .statusCode(422).body("code", equalTo("TEMPLATE_NOT_FOUND"))
                .body("message", containsString("did you mean 'fixture'?"));
        api().get("/api/v1/environments/rest").then().statusCode(404);
    }

    @Test
    void putGetResetDeleteAnEnvironment() {
        api().body("name: rest\nclones:\n  - template: fixture\n").put("/api/v1/environments/rest").then().statusCode(201)
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
}
