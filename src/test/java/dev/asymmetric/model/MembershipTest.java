package dev.asymmetric.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MembershipTest {
    private final AtomicInteger counter = new AtomicInteger();
    private final Function<String, String> ids = t -> t + "-new" + counter.incrementAndGet();
    private static final CloneRequest API = new CloneRequest("fixture", "api", "empty");
    private static final CloneRequest RO = new CloneRequest("fixture", "readonly", "empty");
    private static final CloneRequest MAIL = new CloneRequest("mailpit", "default", null);

    private static Membership.Member live(String id, CloneRequest r) {
        return new Membership.Member(id, r, true, false);
    }

    @Test
    void unchangedSpecKeepsEveryMemberAndCreatesNothing() {
        var plan = Membership.plan(List.of(API, RO), List.of(live("a", API), live("b", RO)), ids);
        assertEquals(List.of("a", "b"), plan.slots());
        assertEquals(Map.of(), plan.toCreate());
        assertEquals(List.of(), plan.toDelete());
    }

    @Test
    void addedEntriesGetNewIdsInDeclaredOrder() {
        var plan = Membership.plan(List.of(API, MAIL, RO), List.of(live("a", API)), ids);
        assertEquals(List.of("a", "mailpit-new1", "fixture-new2"), plan.slots());
        assertEquals(List.of("mailpit-new1", "fixture-new2"), List.copyOf(plan.toCreate().keySet()));
    }

    @Test
    void removedEntriesAreDestroyed() {
        var plan = Membership.plan(List.of(RO), List.of(live("a", API), live("b", RO)), ids);
        assertEquals(List.of("b"), plan.slots());
        assertEquals(List.of("a"), plan.toDelete());
    }

    @Test
    void changedModeReplacesTheClone() {
        var plan = Membership.plan(List.of(RO), List.of(live("a", API)), ids);
        assertEquals(List.of("fixture-new1"), plan.slots());
        assertEquals(List.of("a"), plan.toDelete());
    }

    @Test
    void duplicatesMatchOneToOne() {
        var plan = Membership.plan(List.of(API, API), List.of(live("a", API)), ids);
        assertEquals(List.of("a", "fixture-new1"), plan.slots());
    }

    @Test
    void pendingMemberWithoutRecordIsCreatedUnderItsRecordedId() {
        var pending = new Membership.Member("fixture-abcd", API, false, false);
        var plan = Membership.plan(List.of(API), List.of(pending), ids);
        assertEquals(List.of("fixture-abcd"), plan.slots());
        assertEquals(Map.of("fixture-abcd", API), plan.toCreate());
    }

    @Test
    void memberWhoseRecordVanishedIsNotResurrected() {
        var gone = new Membership.Member("fixture-dead", null, false, false);
        var plan = Membership.plan(List.of(API), List.of(gone), ids);
        assertEquals(List.of("fixture-new1"), plan.slots());
        assertEquals(List.of(), plan.toDelete());
    }

    @Test
    void deletingMembersAreNeverMatched() {
        var deleting = new Membership.Member("a", API, true, true);
        var plan = Membership.plan(List.of(API), List.of(deleting), ids);
        assertEquals(List.of("fixture-new1"), plan.slots());
        assertEquals(List.of(), plan.toDelete(), "already being deleted");
    }
}
