package dev.asymmetric.cli;

import java.io.File;

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
        return Terminal.run(new ProcessBuilder(cmd).redirectInput(new File("/dev/tty")), 2);
    }
}
