package dev.asymmetric.kubernetes;

import dev.asymmetric.app.Home;
import dev.asymmetric.cli.Asymmetric;
import dev.asymmetric.cli.Cli;
import dev.asymmetric.config.Settings;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * The CLI run in this JVM as a user runs it with {@code ASYM_PROVIDER=kubernetes}: a home of its own and a kubeconfig
 * naming the mock API server, read through Settings like the real environment; each verb gets a fresh Home (a verb
 * closes its own when it ends).
 */
final class InProcess {
    /** What a verb did. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private final Path userHome;

    InProcess(Path dir, KubernetesMockServer server, Map<String, String> extra) throws IOException {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster: {server: "%s"}
                contexts:
                - name: mock
                  context: {cluster: mock, user: mock, namespace: default}
                current-context: mock
                users:
                - name: mock
                  user: {token: secret}
                """.formatted(server.url("/").replaceAll("/$", "")));
        env.put("ASYM_HOME", dir.resolve("home").toString());
        env.put("ASYM_PROVIDER", "kubernetes");
        env.put("KUBECONFIG", kubeconfig.toString());
        env.putAll(extra);
        this.userHome = dir.resolve("user");
    }

    Settings settings() {
        return Settings.load(env, userHome.toString());
    }

    Home home() {
        return new Home(this::settings, Clock.systemUTC());
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.configure(new CommandLine(new Asymmetric(home())));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
