/**
 * Integration tests of the everyday verbs through the launcher against the real engine: exec, url and the
 * KEY=value lines reaching a running clone; batches of ids and --all; env diff, wait and --env-file around a real
 * spin; logs of several services merged by time and followed; Ctrl-C's exit 130; snapshot's pg_dump loading into
 * a fresh database. Each test has its own ASYM_HOME and removes its containers by label; the in-process tests of
 * the same verbs (parsing, errors, output shapes) are in {@code dev.asymmetric.cli}.
 */
package dev.asymmetric.it.cli;
