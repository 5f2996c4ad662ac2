package dev.asymmetric.data;

/** How {@link Databases#restore} gave a clone its seeded database; the reconciler records it as an event. */
public enum Restore {
    /** The clone had no database: copied from the pristine copy. */
    CREATED("created from the pristine copy"),
    /** The ready copy made in advance was swapped in by two renames; the old database is dropped afterwards. */
    SWAPPED("swapped in the copy made in advance"),
    /** No ready copy: the database was dropped and copied again from the pristine copy. */
    COPIED("copied from the pristine copy (no copy was ready)");

    private final String description;

    Restore(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
