/**
 * The composition root: {@link dev.asymmetric.app.Home} builds the store, catalog, Docker engine and control
 * plane for one ASYM_HOME, lazily, and is the only place the rooms are wired together.
 */
package dev.asymmetric.app;
