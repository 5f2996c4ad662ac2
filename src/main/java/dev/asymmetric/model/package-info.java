/**
 * The resource records: {@link dev.asymmetric.model.Environment}, {@link dev.asymmetric.model.Clone},
 * {@link dev.asymmetric.model.Template} and {@link dev.asymmetric.model.Event}. Immutable data; each change is a
 * new record written through the store. Spec is written by verbs and the folder watcher, status by reconcilers.
 */
package dev.asymmetric.model;
