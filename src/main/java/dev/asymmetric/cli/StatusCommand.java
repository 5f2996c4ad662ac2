package dev.asymmetric.cli;

import dev.asymmetric.errors.AsymException;
import picocli.CommandLine.Command;

@Command(name = "status", description = "List clones.")
final class StatusCommand extends Verb {
    @Override
    public Integer call() {
        throw AsymException.notAvailableYet("status");
    }
}
