package dev.asymmetric.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What stderr is connected to, which is where progress goes: a terminal (then its width and height, and whether
 * colour is wanted) or a pipe or file. Asked of stderr itself, not stdin or stdout, so {@code spin ... > out.json}
 * on a terminal still shows live progress and {@code spin ... 2> log} writes plain lines.
 */
record Terminal(boolean tty, int width, int height, boolean color) {
    /** A pipe or a file: plain lines, no colour. */
    static final Terminal PIPE = new Terminal(false, 0, 0, false);

    /**
     * Detects stderr: a terminal when {@code /proc/self/fd/2} is a tty device (Linux) or {@code test -t 2} says so;
     * {@code TERM=dumb} counts as a pipe. Colour unless {@code NO_COLOR} is set (https://no-color.org) or
     * {@code --no-color} was given. Width and height from {@code COLUMNS}/{@code LINES}, else {@code stty size}.
     */
    static Terminal detect(Map<String, String> env, boolean noColor) {
        if ("dumb".equals(env.get("TERM")) || !stderrIsTerminal()) {
            return PIPE;
        }
        int[] size = size(env);
        return tty(size[0], size[1], env, noColor);
    }

    /** A terminal of {@code rows} x {@code columns}, coloured unless NO_COLOR is set in {@code env} or {@code noColor}. */
    static Terminal tty(int rows, int columns, Map<String, String> env, boolean noColor) {
        String noColorVar = env.get("NO_COLOR");
        return new Terminal(true, columns, rows, !noColor && (noColorVar == null || noColorVar.isEmpty()));
    }

    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException noProc) {
            // not Linux: ask the shell, with our stderr as its stderr
            return run(new ProcessBuilder("sh", "-c", "test -t 2").redirectError(ProcessBuilder.Redirect.INHERIT))
                    != null;
        }
    }

    /** {rows, columns}: from the environment when set, else the terminal's, else 24x80. */
    private static int[] size(Map<String, String> env) {
        int rows = number(env.get("LINES"));
        int cols = number(env.get("COLUMNS"));
        if (rows <= 0 || cols <= 0) {
            String stty = run(new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty")));
            String[] parts = stty == null ? new String[0] : stty.strip().split("\\s+");
            if (parts.length == 2) {
                rows = rows > 0 ? rows : number(parts[0]);
                cols = cols > 0 ? cols : number(parts[1]);
            }
        }
        return new int[] {rows > 0 ? rows : 24, cols > 0 ? cols : 80};
    }

    private static int number(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** What the command printed when it exited 0 within a second, else null. */
    private static String run(ProcessBuilder pb) {
        return run(pb, 1);
    }

    /** What the command printed when it exited 0 within {@code seconds}, else null (also {@link RawTerminal}'s). */
    static String run(ProcessBuilder pb, long seconds) {
        try {
            Process p = pb.start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
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

    /** {@code text} in the ANSI colour {@code code} (31 red, 32 green, 33 yellow) when colour is on. */
    String paint(String text, int code) {
        return color ? "\033[" + code + "m" + text + "\033[0m" : text;
    }
}
