package dev.asymmetric.cli;

import dev.asymmetric.errors.AsymException;
import picocli.CommandLine.Command;

@Command(name = "controller", description = "Run the controller.")
final class ControllerCommand extends Verb {
    @Override
    public Integer call() {
        throw AsymException.notAvailableYet("controller");
    }
}
