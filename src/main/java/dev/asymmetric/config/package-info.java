/**
 * Settings: where state lives (a canonical ASYM_HOME) and the knobs users set — template directories, port range,
 * images, controller port, seed limit — from environment variables and config.yaml. A malformed value, or a home
 * that can't be a directory, is CONFIG_INVALID with the fix.
 */
package dev.asymmetric.config;
