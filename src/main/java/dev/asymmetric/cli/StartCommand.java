package dev.asymmetric.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code asymmetric start <id>}: start a stopped clone and wait until it is healthy. */
@Command(name = "start", description = "Start a stopped clone and wait until it is up.")
final class StartCommand extends Verb {
    @Parameters(paramLabel = "<id>")
    String id;

    @Mixin
    JsonOption json;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() {
        return PowerChange.apply(this, id, false, json.json, waiting);
    }
}
