package dev.asymmetric.cli;

import dev.asymmetric.errors.AsymException;
import picocli.CommandLine.Command;

@Command(name = "spin", description = "Spin one clone per template.")
final class SpinCommand extends Verb {
    @Override
    public Integer call() {
        throw AsymException.notAvailableYet("spin");
    }
}
