package dev.asymmetric.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    private static final Map<String, String> VALUES = Map.of(
            "DATABASE_URL", "postgres://u:p@asym-shared-postgres:5432/clone_notes_1a2b",
            "PGHOST", "asym-shared-postgres", "PGPORT", "5432", "REDIS_PREFIX", "notes-1a2b:", "CLONE_ID", "notes-1a2b");

    @Test
    void expandReplacesEachPlaceholderWithItsValue() {
        assertEquals("host=asym-shared-postgres port=5432 id=notes-1a2b",
                Placeholders.expand("host=${PGHOST} port=${PGPORT} id=${CLONE_ID}", VALUES));
        assertEquals("postgres://u:p@asym-shared-postgres:5432/clone_notes_1a2b",
                Placeholders.expand("${DATABASE_URL}", VALUES));
    }

    @Test
    void doubleDollarIsALiteralDollarEvenBeforeABrace() {
        assertEquals("$5 and ${PGHOST}", Placeholders.expand("$$5 and $${PGHOST}", VALUES));
    }

    @Test
    void aDollarFollowedByAnythingElseIsKeptAsWritten() {
        assertEquals("pa$word $HOME $", Placeholders.expand("pa$word $HOME $", VALUES));
        assertEquals(List.of(), Placeholders.problems("pa$word $HOME $", false, false));
    }

    @Test
    void aValueWithoutPlaceholdersIsUnchanged() {
        assertEquals("info", Placeholders.expand("info", Map.of()));
        assertEquals("", Placeholders.expand("", Map.of()));
    }

    @Test
    void expandRefusesAPlaceholderItHasNoValueFor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Placeholders.expand("${REDIS_URL}", VALUES));
        assertEquals("no value for ${REDIS_URL}", e.getMessage());
    }

    @Test
    void anUnknownNameIsAProblemSuggestingTheClosestAndTheLiteralForm() {
        List<String> p = Placeholders.problems("${DATABSE_URL}", true, false);
        assertEquals(1, p.size());
        assertEquals("'${DATABSE_URL}' is not a placeholder asymmetric fills (did you mean '${DATABASE_URL}'?); known:"
                + " ${DATABASE_URL}, ${JDBC_DATABASE_URL}, ${PGHOST}, ${PGPORT}, ${PGDATABASE}, ${PGUSER}, ${PGPASSWORD},"
                + " ${REDIS_URL}, ${REDIS_PREFIX}, ${CLONE_ID}; write $$ for a literal $", p.get(0));
    }

    @Test
    void databaseNamesNeedADatabaseBlockAndRedisNamesARedisBlock() {
        for (String name : Placeholders.DATABASE) {
            assertEquals(List.of("'${" + name + "}' needs a 'database' block in the template"),
                    Placeholders.problems("${" + name + "}", false, true));
            assertEquals(List.of(), Placeholders.problems("${" + name + "}", true, false));
        }
        for (String name : Placeholders.REDIS) {
            assertEquals(List.of("'${" + name + "}' needs a 'redis' block in the template"),
                    Placeholders.problems("${" + name + "}", true, false));
            assertEquals(List.of(), Placeholders.problems("${" + name + "}", false, true));
        }
    }

    @Test
    void theCloneIdNeedsNoBlock() {
        assertEquals(List.of(), Placeholders.problems("${CLONE_ID}", false, false));
    }

    @Test
    void everyPlaceholderOfAValueIsJudged() {
        assertEquals(2, Placeholders.problems("${NOPE} ${REDIS_URL}", true, false).size());
    }

    @Test
    void anUnclosedOrEmptyPlaceholderIsAProblem() {
        assertEquals(List.of("has an unclosed '${' at character 4; close it with '}', or write $$ for a literal $"),
                Placeholders.problems("id-${CLONE_ID", false, false));
        assertEquals(1, Placeholders.problems("${}", true, true).size());
        assertThrows(IllegalArgumentException.class, () -> Placeholders.expand("${CLONE_ID", VALUES));
    }
}
