package dev.asymmetric.cli;

import dev.asymmetric.errors.AsymException;
import picocli.CommandLine.Command;

@Command(name = "reset", description = "Reset a clone.")
final class ResetCommand extends Verb {
    @Override
    public Integer call() {
        throw AsymException.notAvailableYet("reset");
    }
}
