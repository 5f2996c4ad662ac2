/**
 * The shapes users see, shared by every front end (CLI, REST): JSON objects with the field names CLI.md promises and
 * the human lines the CLI prints. Reads the store and catalog; writes nothing.
 */
package dev.asymmetric.view;
