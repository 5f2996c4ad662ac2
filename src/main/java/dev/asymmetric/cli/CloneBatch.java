package dev.asymmetric.cli;

import dev.asymmetric.app.Home;
import dev.asymmetric.errors.AsymException;
import java.util.ArrayList;
import java.util.List;

/**
 * How destroy, reset, stop and start report the clones they were given: a line (or a JSON object) per clone done,
 * every failure on stderr as {@code CODE: <id>: message}, continue-all; exit 1 if any clone failed or wasn't one.
 * One id given reports as it always did (one JSON object); several ids or --all, a JSON array.
 */
final class CloneBatch {
    private CloneBatch() {
    }

    /** One clone's outcome: its JSON, the line on success (null to print none), the error line on failure. */
    record Row(Object json, String line, String error) {
    }

    /** Nothing to submit: --all found no clone (exit 0), or none of the ids given is one (exit 1). */
    static int nothing(Verb verb, CloneTargets.Targets targets) {
        if (!targets.missing().isEmpty()) {
            return report(verb, targets, List.of());
        }
        verb.out().println(verb.json() ? "[ ]" : "No clones.");
        return 0;
    }

    static int report(Verb verb, CloneTargets.Targets targets, List<Row> rows) {
        Home home = verb.home();
        if (verb.json()) {
            if (targets.single()) {
                verb.out().println(Json.write(home, rows.get(0).json()));
            } else {
                List<Object> all = new ArrayList<>();
                rows.forEach(r -> all.add(r.json()));
                verb.out().println(Json.write(home, all));
            }
        } else {
            rows.stream().filter(r -> r.error() == null && r.line() != null).forEach(r -> verb.out().println(r.line()));
        }
        verb.out().flush();
        boolean failed = !targets.missing().isEmpty();
        for (Row r : rows) {
            if (r.error() != null) {
                verb.err().println(r.error());
                failed = true;
            }
        }
        targets.missing().stream().map(AsymException::line).forEach(verb.err()::println);
        verb.err().flush();
        return failed ? 1 : 0;
    }
}
