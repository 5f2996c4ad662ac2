package dev.asymmetric.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code asymmetric start <id>... | --all}: start stopped clones and wait until each is healthy. */
@Command(name = "start", description = "Start stopped clones and wait until each is up.")
final class StartCommand extends Verb {
    @Mixin
    CloneTargets targets;

    @Mixin
    JsonOption json;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() {
        return PowerChange.apply(this, targets.resolve(this), false);
    }
}
