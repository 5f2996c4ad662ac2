package dev.asymmetric.data;

import java.util.List;

/**
 * What one clone's database is made of and whose it is: the home that owns the clone (12 hex digits, the
 * {@code dev.asymmetric.home} label), the clone id, the key of its pristine copy (a hash of the template's data)
 * and the SQL that builds that copy when it doesn't exist yet.
 */
public record CloneData(String homeId, String cloneId, String pristineKey, List<Databases.Script> migrations,
        List<Databases.Script> seed) {

    public CloneData {
        DatabaseMark.checkHome(homeId);
        CloneNames.of(cloneId);
        if (pristineKey == null || !pristineKey.matches("[0-9a-z_]{1,40}")) {
            throw new IllegalArgumentException("pristine key must be [0-9a-z_]{1,40}: " + pristineKey);
        }
        migrations = List.copyOf(migrations);
        seed = List.copyOf(seed);
    }

    DatabaseMark mark() {
        return DatabaseMark.clone(homeId, cloneId, pristineKey);
    }
}
