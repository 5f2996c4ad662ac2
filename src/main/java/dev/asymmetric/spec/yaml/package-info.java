/**
 * Untrusted documents as located trees: YAML (and JSON through it) with the line of every value, and strict JSON
 * through Jackson's tree model. Hostile input is refused as a {@link dev.asymmetric.errors.Problem}, never thrown.
 */
package dev.asymmetric.spec.yaml;
