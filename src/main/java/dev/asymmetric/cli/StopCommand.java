package dev.asymmetric.cli;

import dev.asymmetric.errors.AsymException;
import picocli.CommandLine.Command;

@Command(name = "stop", description = "Stop a clone.")
final class StopCommand extends Verb {
    @Override
    public Integer call() {
        throw AsymException.notAvailableYet("stop");
    }
}
