package dev.asymmetric.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseMarkTest {

    @Test
    void aCloneMarkNamesHomeCloneRoleAndPristineInThatOrder() {
        assertEquals("asymmetric home=0123456789ab clone=notes-3f2a role=clone pristine=abcdefabcdef",
                DatabaseMark.clone("0123456789ab", "notes-3f2a", "abcdefabcdef").text());
    }

    @Test
    void marksReadBackAsWritten() {
        DatabaseMark spare = DatabaseMark.clone("0123456789ab", "notes-3f2a", "abcdefabcdef").as(DatabaseMark.SPARE);
        assertEquals(Optional.of(spare), DatabaseMark.parse(spare.text()));
        DatabaseMark p = DatabaseMark.pristine("abcdefabcdef", Instant.ofEpochSecond(1_700_000_000));
        assertEquals("asymmetric role=pristine pristine=abcdefabcdef built=1700000000", p.text());
        assertEquals(Optional.of(p), DatabaseMark.parse(p.text()));
    }

    @Test
    void commentsAsymmetricDidNotWriteAreNoMark() {
        assertEquals(Optional.empty(), DatabaseMark.parse(null));
        assertEquals(Optional.empty(), DatabaseMark.parse("default administrative connection database"));
        assertEquals(Optional.empty(), DatabaseMark.parse("asymmetric is a nice word"));
        assertEquals(Optional.empty(), DatabaseMark.parse("asymmetrical role=clone"));
    }

    @Test
    void anUnreadableBuildTimeReadsAsUnknown() {
        assertEquals(null, DatabaseMark.parse("asymmetric role=pristine pristine=k built=soon").orElseThrow().built());
    }

    @Test
    void ownershipIsByExactHomeId() {
        DatabaseMark m = DatabaseMark.clone("0123456789ab", "x-1", "k");
        assertTrue(m.ownedBy("0123456789ab"));
        assertFalse(m.ownedBy("0123456789ac"));
        assertFalse(DatabaseMark.pristine("k", null).ownedBy("0123456789ab"));
    }

    @Test
    void onlyTwelveHexDigitsAreAHomeId() {
        assertEquals("0123456789ab", DatabaseMark.checkHome("0123456789ab"));
        assertThrows(IllegalArgumentException.class, () -> DatabaseMark.checkHome("0123456789AB"));
        assertThrows(IllegalArgumentException.class, () -> DatabaseMark.checkHome("0123 456789a"));
        assertThrows(IllegalArgumentException.class, () -> DatabaseMark.checkHome(null));
    }
}
