package dev.asymmetric.junit;

import dev.asymmetric.client.AsymmetricClient;
import dev.asymmetric.client.EnvironmentInfo;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A stand-in for a test JVM, for {@link KilledOwnerIT}: spins {@code args[0]} as {@code args[1]} with a lease of
 * {@code args[2]} seconds, prints its member ids on one line, then waits to be killed.
 */
public final class OwnerMain {
    private OwnerMain() {
    }

    public static void main(String[] args) throws Exception {
        AsymmetricClient client = AsymmetricClient.open();
        EnvironmentInfo env = client.spin(Path.of(args[0]), args[1], Duration.ofSeconds(Long.parseLong(args[2])),
                Duration.ofMinutes(3));
        System.out.println("READY " + String.join(" ", env.members().stream().map(m -> m.id()).toList()));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
