/** Settings: where state lives (ASYM_HOME) and the knobs users set, from environment variables and config.yaml. */
package dev.asymmetric.config;
