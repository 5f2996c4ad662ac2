/**
 * The command line: picocli commands, one class per verb, named for its command word. A verb parses, checks its
 * input, and — when it changes something — goes through the one path {@link dev.asymmetric.cli.Verb#submit}
 * (engine check, edit of desired state through {@code intent}, wait through {@link dev.asymmetric.cli.Waiter});
 * then it renders and returns an exit code. Guarantees: never imports {@code docker} or reconciler internals (what
 * runs is asked of {@code run.ActualQuery}); all output through picocli's writers, so every verb runs in-process in
 * tests; errors are named and rendered by {@link dev.asymmetric.cli.Cli} alone.
 */
package dev.asymmetric.cli;
