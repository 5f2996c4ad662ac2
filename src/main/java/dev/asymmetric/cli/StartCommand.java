package dev.asymmetric.cli;

import dev.asymmetric.errors.AsymException;
import picocli.CommandLine.Command;

@Command(name = "start", description = "Start a clone.")
final class StartCommand extends Verb {
    @Override
    public Integer call() {
        throw AsymException.notAvailableYet("start");
    }
}
