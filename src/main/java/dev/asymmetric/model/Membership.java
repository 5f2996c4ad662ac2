package dev.asymmetric.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Matches an environment's desired entries to its current members, in declared order: each entry keeps the first
 * unused live member asking for the same template, mode and seed (so an unchanged re-spin keeps every id and
 * port), unmatched entries get new ids, and unmatched live members are to be destroyed. Pure: the environment
 * reconciler does the writes, and {@code env diff} shows the same plan without making it.
 */
public final class Membership {
    private Membership() {
    }

    /**
     * A current member: its request (resolved: mode and seed filled with the template's defaults), null when its
     * record is gone and it isn't pending; whether a record exists; whether its deletion was requested.
     */
    public record Member(String id, CloneRequest request, boolean exists, boolean deleting) {
    }

    /** Slots aligned with the desired entries, the new ids to record, and the members to destroy. */
    public record Plan(List<String> slots, Map<String, CloneRequest> toCreate, List<String> toDelete) {
    }

    public static Plan plan(List<CloneRequest> desired, List<Member> current, Function<String, String> newId) {
        Set<String> used = new HashSet<>();
        List<String> slots = new ArrayList<>();
        Map<String, CloneRequest> toCreate = new LinkedHashMap<>();
        for (CloneRequest want : desired) {
            Member match = null;
            for (Member m : current) {
                if (!used.contains(m.id()) && !m.deleting() && want.equals(m.request())) {
                    match = m;
                    break;
                }
            }
            if (match != null) {
                used.add(match.id());
                slots.add(match.id());
                if (!match.exists()) {
                    toCreate.put(match.id(), want);
                }
            } else {
                String id = newId.apply(want.template());
                slots.add(id);
                toCreate.put(id, want);
            }
        }
        List<String> toDelete = new ArrayList<>();
        for (Member m : current) {
            if (!used.contains(m.id()) && m.exists() && !m.deleting()) {
                toDelete.add(m.id());
            }
        }
        return new Plan(slots, toCreate, toDelete);
    }
}
