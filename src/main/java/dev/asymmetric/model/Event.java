package dev.asymmetric.model;

import java.time.Instant;

/**
 * Something a reconciler did or saw: when, to which object ({@code env/acme}, {@code clone/fixture-a1b2}),
 * a short CamelCase reason, a sentence, whether it is a warning, and who did it (controller or cli:pid).
 */
public record Event(Instant time, String object, String reason, String message, boolean warning, String by) {
}
