/**
 * The Java client: what the {@code asymmetric-junit} extension (and any Java program) uses instead of running the
 * {@code asymmetric} command. It takes the same paths as the verbs — desired state written to the store of one
 * {@code ASYM_HOME}, the verbs' goals awaited — in the calling process: when no controller holds the lease it runs
 * the verbs' embedded reconcilers itself, kept running while the client is open (so a reset before each test pays
 * only the reset); when a controller does, it only writes and watches, and the controller reconciles.
 * Environments it makes carry a lease ({@link dev.asymmetric.model.EnvironmentLease}) renewed while the client is
 * open, so a killed test JVM leaves nothing once the lease ran out and any verb or the controller ran.
 */
package dev.asymmetric.client;
