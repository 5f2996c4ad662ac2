package dev.asymmetric.cli;

import dev.asymmetric.errors.AsymException;
import picocli.CommandLine.Command;

@Command(name = "logs", description = "Show a clone's logs.")
final class LogsCommand extends Verb {
    @Override
    public Integer call() {
        throw AsymException.notAvailableYet("logs");
    }
}
