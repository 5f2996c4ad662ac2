/**
 * Edits of desired state, shared by the verbs, the REST API and the spec folder watcher: each checks its input,
 * writes spec (never status) through the store with compare-and-swap, and returns what the caller should wait
 * for. Nothing here talks to Docker.
 */
package dev.asymmetric.intent;
