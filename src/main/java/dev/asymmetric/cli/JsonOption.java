package dev.asymmetric.cli;

import picocli.CommandLine.Option;

/** {@code --json}: machine-readable output (and errors) on stdout. */
final class JsonOption {
    @Option(names = "--json", description = "Print JSON instead of text (errors too).")
    boolean json;
}
