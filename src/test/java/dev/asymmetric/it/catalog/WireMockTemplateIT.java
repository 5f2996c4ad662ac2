package dev.asymmetric.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asymmetric.testing.Launcher;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in {@code wiremock} template on the real WireMock 3.13.2: seeded stubs, a reset hook, destroy. */
class WireMockTemplateIT {
    @TempDir
    Path tmp;

    @BeforeEach
    void image() {
        Images.assumePresent(Images.WIREMOCK, "wiremock.sh");
    }

    private static int stubs(String endpoint) {
        return Verbs.json(Rest.get(endpoint + "/__admin/mappings").body()).get("meta").get("total").asInt();
    }

    @Test
    void demoSeedServesItsStubsAndResetDropsAddedOnesInTheSameContainer() {
        try (Launcher cli = new Launcher(tmp.resolve("home"))) {
            Verbs verbs = new Verbs(cli);
            JsonNode clone = verbs.spin("wiremock", "--seed", "demo").get(0);
            String id = clone.get("id").asText();
            String api = clone.get("endpoints").get("api").asText();

            assertEquals(3, stubs(api), "the demo seed's three mappings are loaded");
            var customer = Rest.get(api + "/v1/customers/cus_acme");
            assertEquals(200, customer.statusCode());
            assertEquals("Acme Corp", Verbs.json(customer.body()).get("name").asText());
            var charge = Rest.send("POST", api + "/v1/charges", "{\"amount\": 4200}");
            assertEquals(201, charge.statusCode(), charge.body());
            assertEquals(4200, Verbs.json(charge.body()).get("amount").asInt(), "the response template echoes it");

            var added = Rest.send("POST", api + "/__admin/mappings",
                    "{\"request\": {\"url\": \"/added-by-the-test\"}, \"response\": {\"status\": 200, \"body\": \"x\"}}");
            assertEquals(201, added.statusCode(), added.body());
            assertEquals(200, Rest.get(api + "/added-by-the-test").statusCode());
            assertEquals(4, stubs(api));
            List<String> before = Verbs.containers(id);

            verbs.reset(id);
            assertEquals(before, Verbs.containers(id), "the reset hook keeps the container");
            assertEquals(clone.get("ports"), verbs.clone(id).get("ports"));
            assertTrue(Verbs.json(Rest.get(api + "/__admin/requests").body()).get("requests").isEmpty(),
                    "the request journal is empty again");
            assertEquals(404, Rest.get(api + "/added-by-the-test").statusCode(), "the added stub is gone");
            assertEquals(3, stubs(api), "the seed's stubs are back, and only they");
            assertEquals(200, Rest.get(api + "/v1/customers/cus_acme").statusCode());

            verbs.destroy(id);
        }
    }

    @Test
    void defaultSeedStartsWithNoStubs() {
        try (Launcher cli = new Launcher(tmp.resolve("home2"))) {
            Verbs verbs = new Verbs(cli);
            JsonNode clone = verbs.spin("wiremock").get(0);
            assertEquals("empty", clone.get("seed").asText());
            String api = clone.get("endpoints").get("api").asText();
            assertEquals(0, stubs(api));
            assertEquals(404, Rest.get(api + "/v1/customers/cus_acme").statusCode());
            verbs.destroy(clone.get("id").asText());
        }
    }
}
