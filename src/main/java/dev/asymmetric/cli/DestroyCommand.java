package dev.asymmetric.cli;

import dev.asymmetric.errors.AsymException;
import picocli.CommandLine.Command;

@Command(name = "destroy", description = "Destroy a clone.")
final class DestroyCommand extends Verb {
    @Override
    public Integer call() {
        throw AsymException.notAvailableYet("destroy");
    }
}
