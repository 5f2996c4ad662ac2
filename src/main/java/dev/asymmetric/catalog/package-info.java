/**
 * The template catalog: built-in templates shipped in the jar plus the user's template directories (config.yaml's
 * {@code templates}, then ASYM_TEMPLATES_DIR), each template read strictly from template.yaml or the original
 * product's clone.manifest.json. A template never reaches outside its folder (symlinks resolved, special files
 * refused) and its seed data stays under the seed limit. A broken template is reported with its file and key
 * path and left out; it never breaks the others. {@link dev.asymmetric.catalog.Placeholders} fills the
 * {@code ${...}} names of environment values for the clone planner.
 */
package dev.asymmetric.catalog;
