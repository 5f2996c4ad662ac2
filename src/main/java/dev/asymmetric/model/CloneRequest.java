package dev.asymmetric.model;

/**
 * One entry of an environment's spec: which template, in which mode, with which seed (null = the template's
 * default), and whether its ports are published on every interface ({@code spin -g --expose}; spec files can't ask).
 */
public record CloneRequest(String template, String mode, String seed, boolean expose) {
    public CloneRequest(String template, String mode, String seed) {
        this(template, mode, seed, false);
    }
}
