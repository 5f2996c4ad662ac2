package dev.asymmetric.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The user's terminal in raw mode (no echo, no line editing, Ctrl-C a byte for the container) while
 * {@code exec -it} runs, through {@code stty} on {@code /dev/tty}, and back as it was afterwards — also when the
 * JVM is stopped meanwhile.
 */
final class RawTerminal implements AutoCloseable {
    private final String saved;
    private final Thread restore;

    private RawTerminal(String saved) {
        this.saved = saved;
        this.restore = new Thread(() -> stty(saved), "restore-terminal");
        Runtime.getRuntime().addShutdownHook(restore);
    }

    /** Raw mode, or null when there is no terminal to put in it (then input is passed as it comes). */
    static RawTerminal enter() {
        String saved = stty("-g");
        if (saved == null || saved.isBlank() || stty("raw", "-echo") == null) {
            return null;
        }
        return new RawTerminal(saved.strip());
    }

    @Override
    public void close() {
        stty(saved);
        try {
            Runtime.getRuntime().removeShutdownHook(restore);
        } catch (IllegalStateException shuttingDown) {
            // the hook restores it
        }
    }

    private static String stty(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "stty";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(new File("/dev/tty")).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
