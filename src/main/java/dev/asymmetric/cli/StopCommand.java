package dev.asymmetric.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code asymmetric stop <id>... | --all}: stop the clones' containers, keeping them, their ports and data. */
@Command(name = "stop", description = "Stop clones (containers, ports and data are kept).")
final class StopCommand extends Verb {
    @Mixin
    CloneTargets targets;

    @Mixin
    JsonOption json;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() {
        return PowerChange.apply(this, targets.resolve(this), true);
    }
}
