/**
 * The template catalog: built-in templates shipped in the jar plus ASYM_TEMPLATES_DIR, each template.yaml read
 * strictly. A broken template is reported with its file and key path and left out; it never breaks the others.
 */
package dev.asymmetric.catalog;
