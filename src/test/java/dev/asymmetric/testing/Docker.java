package dev.asymmetric.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The docker CLI, for tests to look at and clean up what the product did (never to do its work). */
public final class Docker {
    private Docker() {
    }

    public static String run(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("docker");
        cmd.addAll(Arrays.asList(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("docker " + String.join(" ", args) + " hung");
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Container ids (all states) carrying {@code label} ({@code key=value}). */
    public static List<String> containers(String label) {
        String out = run("ps", "-aq", "--filter", "label=" + label);
        return out.isBlank() ? List.of() : List.of(out.split("\\s+"));
    }

    public static void removeByLabel(String label) {
        List<String> ids = containers(label);
        if (!ids.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f", "-v"));
            args.addAll(ids);
            run(args.toArray(String[]::new));
        }
    }

    /** The id asymmetric labels a home's containers with (the first 12 hex of SHA-256 of its real path). */
    public static String homeId(Path home) {
        Path canonical = home.toAbsolutePath().normalize();
        try {
            canonical = canonical.toRealPath();
        } catch (IOException notThereYet) {
            // a home not made yet is named by its absolute path
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String inspect(String container, String format) {
        return run("inspect", "--format", format, container);
    }
}
