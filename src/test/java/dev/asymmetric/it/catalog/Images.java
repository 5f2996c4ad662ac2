package dev.asymmetric.it.catalog;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asymmetric.testing.Docker;

/** The images of the real programs: present, or the test is skipped naming the script that builds them. */
final class Images {
    static final String WIREMOCK = "wiremock/wiremock:3.13.2-1";
    static final String MAILDEV = "maildev/maildev:3.0.0";
    static final String UNLEASH = "unleashorg/unleash-server:8.2.0";

    private Images() {
    }

    static void assumePresent(String image, String script) {
        String id = Docker.run("image", "inspect", "--format", "{{.Id}}", image);
        assumeTrue(id.startsWith("sha256:"), "image " + image + " is not on this engine: run sudo .ci/images/"
                + script + " (or .ci/images/real-programs.sh for all three)");
    }
}
