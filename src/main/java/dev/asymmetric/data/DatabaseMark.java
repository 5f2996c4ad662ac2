package dev.asymmetric.data;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a database on the shared Postgres belongs to, kept as its comment ({@code COMMENT ON DATABASE}) so every
 * home on the engine reads the same truth: {@code asymmetric home=<homeId> clone=<id> role=clone pristine=<key>}.
 * Roles: {@code clone} (the clone's database), {@code spare} (its ready copy), {@code old} (swapped out, to drop),
 * {@code pristine} (the shared migrated-and-seeded copy; no home, {@code built} in epoch seconds).
 */
public record DatabaseMark(String role, String home, String cloneId, String pristine, Instant built) {
    public static final String CLONE = "clone";
    public static final String SPARE = "spare";
    public static final String OLD = "old";
    public static final String PRISTINE = "pristine";
    private static final String TAG = "asymmetric";
    private static final Pattern HOME = Pattern.compile("[0-9a-f]{12}");

    public static DatabaseMark clone(String home, String clone, String pristineKey) {
        return new DatabaseMark(CLONE, home, clone, pristineKey, null);
    }

    public static DatabaseMark pristine(String key, Instant built) {
        return new DatabaseMark(PRISTINE, null, null, key, built);
    }

    public DatabaseMark as(String newRole) {
        return new DatabaseMark(newRole, home, cloneId, pristine, built);
    }

    /** Refuses anything but a 12-hex home id, so a typo can never look like another home. */
    public static String checkHome(String home) {
        if (home == null || !HOME.matcher(home).matches()) {
            throw new IllegalArgumentException("home id must be 12 lowercase hex digits: " + home);
        }
        return home;
    }

    public boolean ownedBy(String homeId) {
        return homeId.equals(home);
    }

    public String text() {
        StringBuilder sb = new StringBuilder(TAG);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("home", home);
        fields.put("clone", cloneId);
        fields.put("role", role);
        fields.put("pristine", pristine);
        fields.put("built", built == null ? null : built.getEpochSecond());
        fields.forEach((k, v) -> {
            if (v != null) {
                sb.append(' ').append(k).append('=').append(v);
            }
        });
        return sb.toString();
    }

    /** The mark in a database comment; empty for no comment or one asymmetric didn't write. */
    public static Optional<DatabaseMark> parse(String comment) {
        if (comment == null || !comment.startsWith(TAG + " ")) {
            return Optional.empty();
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String token : comment.substring(TAG.length() + 1).trim().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                f.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        if (f.get("role") == null) {
            return Optional.empty();
        }
        Instant built = null;
        try {
            built = f.containsKey("built") ? Instant.ofEpochSecond(Long.parseLong(f.get("built"))) : null;
        } catch (NumberFormatException e) {
            // an unreadable time reads as unknown: garbage collection then never drops it
        }
        return Optional.of(new DatabaseMark(f.get("role"), f.get("home"), f.get("clone"), f.get("pristine"), built));
    }
}
