/**
 * Named errors and the one renderer. Every failure a user sees is an {@link dev.asymmetric.errors.AsymException}
 * carrying an {@link dev.asymmetric.errors.ErrorCode} and one actionable sentence; the
 * {@link dev.asymmetric.errors.ErrorRenderer} turns any throwable into text or JSON and an exit code, and is the
 * only place that decides exit codes.
 */
package dev.asymmetric.errors;
