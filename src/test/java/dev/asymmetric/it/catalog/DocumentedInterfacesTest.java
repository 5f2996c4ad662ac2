package dev.asymmetric.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in templates' images, ports and health checks are the ones their images document (no engine: the raw
 * manifests and READMEs). Each row names where the fact is documented; the template's README cites it too.
 */
class DocumentedInterfacesTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What the image documents: its first service, container port, extra ports, health, and where it says so. */
    record Documented(String service, String image, int port, Map<String, Integer> extraPorts, String health,
            String source, boolean runInCi) {
    }

    static Stream<Arguments> templates() {
        return Stream.of(
                Arguments.of("mailpit", new Documented("mail", "axllent/mailpit:v1.34.0", 8025, Map.of("smtp", 1025),
                        "/readyz", "https://mailpit.axllent.org/docs/integration/healthcheck/", false)),
                Arguments.of("minio", new Documented("s3", "quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z", 9000,
                        Map.of("console", 9001), "/minio/health/live",
                        "https://min.io/docs/minio/container/index.html", false)),
                Arguments.of("stripe", new Documented("api", "stripe/stripe-mock:v0.192.0", 12111,
                        Map.of("https", 12112), "tcp", "https://github.com/stripe/stripe-mock#docker", false)),
                Arguments.of("localstack", new Documented("aws", "localstack/localstack:4.14.0", 4566, Map.of(),
                        "/_localstack/health", "https://docs.localstack.cloud/references/internal-endpoints/", false)),
                Arguments.of("wiremock", new Documented("api", "wiremock/wiremock:3.13.2-1", 8080, Map.of(),
                        "/__admin/health", "https://github.com/wiremock/wiremock-docker#using-wiremock-in-docker", true)),
                Arguments.of("maildev", new Documented("mail", "maildev/maildev:3.0.0", 1080, Map.of("smtp", 1025),
                        "/api/healthz", "https://github.com/maildev/maildev/blob/main/docs/rest.md", true)),
                Arguments.of("unleash", new Documented("server", "unleashorg/unleash-server:8.2.0", 4242, Map.of(),
                        "/health", "https://github.com/Unleash/unleash/blob/main/docker-compose.yml", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void manifestUsesThePortsAndHealthCheckItsImageDocuments(String name, Documented doc) throws IOException {
        JsonNode services = YAML.readTree(TEMPLATES.resolve(name).resolve("template.yaml").toFile()).get("services");
        assertEquals(doc.service(), services.fieldNames().next(), "the first service is the endpoint");
        JsonNode s = services.get(doc.service());
        assertEquals(doc.image(), s.get("image").asText());
        assertEquals(doc.port(), s.get("port").asInt());
        Map<String, Integer> extra = s.has("extraPorts")
                ? YAML.convertValue(s.get("extraPorts"), YAML.getTypeFactory().constructMapType(Map.class, String.class,
                        Integer.class))
                : Map.of();
        assertEquals(doc.extraPorts(), extra);
        JsonNode health = s.get("health");
        if (doc.health().equals("tcp")) {
            assertTrue(health.get("tcp").asBoolean(), health.toString());
        } else {
            assertEquals(doc.health(), health.get("http").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void readmeCitesTheDocumentationAndSaysWhetherThisCiRunsIt(String name, Documented doc) throws IOException {
        String readme = Files.readString(TEMPLATES.resolve(name).resolve("README.md"));
        assertTrue(readme.contains(doc.source()), name + "/README.md cites " + doc.source());
        assertEquals(!doc.runInCi(), readme.contains("Not run in this project's CI"), name + "/README.md");
        if (doc.runInCi()) {
            assertTrue(readme.contains("**Verified**"), name + "/README.md says how it was verified");
        }
    }
}
