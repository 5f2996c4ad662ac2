package dev.asymmetric.model;

/**
 * The warm pool's marks on clone records (metadata labels, so marking is no spec change): a spare is a clone of a
 * template's default mode and seed that the controller keeps started and healthy for a verb to claim; a claimed
 * one names its claimant until the environment lists it.
 */
public final class Pool {
    /** {@code spare} on an unclaimed clone of the pool. */
    public static final String LABEL = "asymmetric.dev/pool";
    public static final String SPARE = "spare";
    /** On a spare an environment claimed: {@code env/<name>}, until the environment lists it as a member. */
    public static final String CLAIMED_BY = "asymmetric.dev/claimed-by";

    private Pool() {
    }

    public static boolean spare(Clone c) {
        return SPARE.equals(c.metadata().labels().get(LABEL));
    }
}
