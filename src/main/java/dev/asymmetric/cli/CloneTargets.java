package dev.asymmetric.cli;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Pool;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The clones a verb acts on: one or more ids, or {@code --all} (every clone of this ASYM_HOME but the warm pool's
 * spares, which are the controller's to keep: it would only make them again).
 */
final class CloneTargets {
    @Parameters(paramLabel = "<id>", arity = "0..*", description = "Clone ids (see `asymmetric status`).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--all", description = "Every clone of this ASYM_HOME (not the warm pool's spares).")
    boolean all;

    /**
     * The clones found, in the order given (or the store's, for --all), and the CLONE_NOT_FOUND of each id that
     * isn't one. {@code single}: exactly one id was given, so the verb reports as it always did (a JSON object).
     */
    record Targets(boolean single, List<Clone> found, List<AsymException> missing) {
        List<String> ids() {
            return found.stream().map(Clone::id).toList();
        }
    }

    /** @throws AsymException CLONE_NOT_FOUND when the one id given isn't a clone; a usage error without ids or --all */
    Targets resolve(Verb verb) {
        if (all && !ids.isEmpty()) {
            throw verb.usage("Give clone ids or --all, not both");
        }
        if (!all && ids.isEmpty()) {
            throw verb.usage("Missing clone id: give one or more ids, or --all");
        }
        if (all) {
            return new Targets(false, verb.home().store().clones().stream().filter(c -> !Pool.spare(c)).toList(),
                    List.of());
        }
        List<Clone> found = new ArrayList<>();
        List<AsymException> missing = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            verb.home().store().clone(id).ifPresentOrElse(found::add, () -> missing.add(AsymException.cloneNotFound(id)));
        }
        if (ids.size() == 1 && !missing.isEmpty()) {
            throw missing.get(0);
        }
        return new Targets(ids.size() == 1, found, missing);
    }
}
