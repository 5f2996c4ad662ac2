package dev.asymmetric.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CloneNamesTest {

    @Test
    void aCloneHasItsDatabaseAReadyCopyAndASwappedOutCopy() {
        assertEquals(new CloneNames("clone_notes_3f2a", "asym_spare_notes_3f2a", "asym_old_notes_3f2a"),
                CloneNames.of("notes-3f2a"));
    }

    @Test
    void namesPostgresWouldCutAreRefusedNotCut() {
        String id = "a".repeat(30) + "-" + "b".repeat(21);
        assertEquals(63, CloneNames.of(id).spare().length());
        assertThrows(IllegalArgumentException.class, () -> CloneNames.of(id + "c"));
    }

    @Test
    void idsOutsideTheCloneAlphabetAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CloneNames.of("Notes-1"));
        assertThrows(IllegalArgumentException.class, () -> CloneNames.of("x\"; DROP DATABASE postgres; --"));
        assertThrows(IllegalArgumentException.class, () -> new CloneData("0123456789ab", "notes-1", "k'ey", List.of(), List.of()));
    }
}
