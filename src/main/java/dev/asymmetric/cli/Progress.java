package dev.asymmetric.cli;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.States;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Progress of the clones a verb waits for, on stderr. In a pipe or a file: one plain {@code … <id> <state>} line
 * each time a clone's state changes. On a terminal: one live line redrawn in place while every clone fits in its
 * width, else one line per clone (as many as fit in its height, then a count of the rest), redrawn in place.
 * Thread-safe: Ctrl-C clears it from another thread.
 */
final class Progress {
    private final PrintWriter err;
    private final Terminal terminal;
    private final Map<String, String> lastStates = new HashMap<>();
    /** Lines the live display occupies now: 0 nothing, 1 a single line (cursor on it), n > 1 a block above the cursor. */
    private int drawn;
    /** What was drawn last: an unchanged display is not drawn again. */
    private String last = "";

    Progress(PrintWriter err, Terminal terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    synchronized void show(List<Clone> clones) {
        if (!terminal.tty()) {
            for (Clone c : clones) {
                String state = c.status().state().wire();
                if (!state.equals(lastStates.put(c.id(), state))) {
                    err.println(Marks.WAIT + " " + c.id() + " " + state);
                }
            }
            err.flush();
            return;
        }
        StringBuilder line = new StringBuilder(Marks.WAIT);
        int visible = Marks.WAIT.length();
        for (Clone c : clones) {
            line.append(' ').append(c.id()).append(' ').append(paint(c.status().state().wire())).append(' ');
            visible += c.id().length() + c.status().state().wire().length() + 3;
        }
        List<String> rows = visible < terminal.width() ? List.of(line.toString()) : rows(clones);
        String display = String.join("\n", rows) + (rows.size() > 1 ? "\n" : "");
        if (display.equals(last) && drawn > 0) {
            return;
        }
        clearDrawn();
        err.print(display);
        drawn = clones.isEmpty() ? 0 : rows.size() > 1 ? rows.size() + 1 : 1;
        last = display;
        err.flush();
    }

    /** One line per clone, cut to the width; when more than fit the height, the rest as counts by state. */
    private List<String> rows(List<Clone> clones) {
        int room = Math.max(1, terminal.height() - 2);
        List<String> rows = new ArrayList<>();
        int shown = clones.size() <= room ? clones.size() : room - 1;
        for (int i = 0; i < shown; i++) {
            Clone c = clones.get(i);
            String text = Marks.WAIT + " " + c.id() + " ";
            String state = c.status().state().wire();
            int spare = terminal.width() - 1 - text.length();
            rows.add(text + paint(state.length() <= spare ? state : state.substring(0, Math.max(0, spare))));
        }
        if (shown < clones.size()) {
            Map<String, Integer> rest = new java.util.TreeMap<>();
            clones.subList(shown, clones.size()).forEach(c -> rest.merge(c.status().state().wire(), 1, Integer::sum));
            List<String> counts = new ArrayList<>();
            rest.forEach((state, n) -> counts.add(n + " " + state));
            StringBuilder sb = new StringBuilder(Marks.WAIT + " " + (clones.size() - shown) + " more: "
                    + String.join(", ", counts));
            rows.add(sb.length() < terminal.width() ? sb.toString() : sb.substring(0, Math.max(0, terminal.width() - 1)));
        }
        return rows;
    }

    /** Removes the live display (a no-op in a pipe), leaving the cursor where it began. */
    synchronized void clear() {
        clearDrawn();
        err.flush();
    }

    private void clearDrawn() {
        if (drawn == 1) {
            err.print("\r\033[K");
        } else if (drawn > 1) {
            // the block ends with a newline: go back to its first line and clear to the end of the screen
            err.print("\033[" + (drawn - 1) + "A\r\033[J");
        }
        drawn = 0;
    }

    private String paint(String state) {
        int code = States.RUNNING.wire().equals(state) ? 32 : States.FAILED.wire().equals(state) ? 31 : 33;
        return terminal.paint(state, code);
    }
}
