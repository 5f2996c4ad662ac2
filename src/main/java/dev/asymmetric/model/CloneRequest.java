package dev.asymmetric.model;

/** One entry of an environment's spec: which template, in which mode, with which seed (null = default). */
public record CloneRequest(String template, String mode, String seed) {
}
