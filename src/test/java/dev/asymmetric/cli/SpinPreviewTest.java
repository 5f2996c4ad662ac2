package dev.asymmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.CloneSpec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.EnvironmentSpec;
import dev.asymmetric.model.EnvironmentStatus;
import dev.asymmetric.model.Metadata;
import dev.asymmetric.model.State;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpinPreviewTest {
    private static final CloneRequest API = new CloneRequest("fixture", "api", "empty");
    private static final CloneRequest RO = new CloneRequest("fixture", "readonly", "empty");
    private static final CloneRequest MOCK = new CloneRequest("wiremock", "default", "empty");
    private final Map<String, Clone> clones = new HashMap<>();

    private Optional<Environment> env(Map<String, CloneRequest> pending, String... members) {
        return Optional.of(new Environment(Metadata.fresh("acme", "u", Instant.EPOCH, Map.of()),
                new EnvironmentSpec(null, List.of(), 0), new EnvironmentStatus(State.of("running"), 1, 0, List.of(members), pending,
                List.of(), null, null)));
    }

    private void clone(String id, CloneRequest r, boolean deleting) {
        Metadata m = Metadata.fresh(id, "u", Instant.EPOCH, Map.of());
        clones.put(id, new Clone(deleting ? m.withDeletionRequestedAt(Instant.EPOCH) : m,
                new CloneSpec(r.template(), r.mode(), r.seed(), false, Map.of(), false, 0), null));
    }

    private List<String> plan(List<CloneRequest> desired, Optional<Environment> env) {
        return SpinPreview.of(desired, env, id -> Optional.ofNullable(clones.get(id))).stream()
                .map(c -> c.action().word() + " " + c.id() + (c.reason() == null ? "" : ": " + c.reason())).toList();
    }

    @Test
    void everyEntryOfANewEnvironmentIsCreated() {
        assertEquals(List.of("create null", "create null"), plan(List.of(API, RO), Optional.empty()));
    }

    @Test
    void aMemberWhoseTemplateStaysButModeChangesIsRecreatedWithTheReason() {
        clone("a", API, false);
        assertEquals(List.of("recreate a: mode api → readonly"), plan(List.of(RO), env(Map.of(), "a")));
    }

    @Test
    void aMemberReplacedByAnotherTemplateIsRemovedAndTheEntryCreated() {
        clone("a", API, false);
        assertEquals(List.of("create null", "remove a"), plan(List.of(MOCK), env(Map.of(), "a")));
    }

    @Test
    void reorderedEntriesKeepTheirMembers() {
        clone("a", API, false);
        clone("b", RO, false);
        assertEquals(List.of("keep b", "keep a"), plan(List.of(RO, API), env(Map.of(), "a", "b")));
    }

    @Test
    void aPendingMemberIsCreatedUnderItsRecordedId() {
        assertEquals(List.of("create fixture-p"), plan(List.of(API), env(Map.of("fixture-p", API), "fixture-p")));
    }

    @Test
    void aMemberBeingDeletedIsNeitherKeptNorRemovedAgain() {
        clone("a", API, true);
        assertEquals(List.of("create null"), plan(List.of(API), env(Map.of(), "a")));
    }

    @Test
    void theReasonNamesEveryPartThatDiffers() {
        assertEquals("mode api → readonly, seed empty → acme-corp, expose true → false", SpinPreview.reason(
                new CloneRequest("fixture", "api", "empty", true), new CloneRequest("fixture", "readonly", "acme-corp")));
    }
}
