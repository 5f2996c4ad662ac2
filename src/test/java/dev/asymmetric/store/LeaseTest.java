package dev.asymmetric.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseTest {
    @TempDir
    Path home;

    @Test
    void onlyOneHolderAtATime() {
        try (Lease a = new Lease(home); Lease b = new Lease(home)) {
            assertTrue(a.tryAcquire("controller pid 1"));
            assertFalse(b.tryAcquire("cli pid 2"));
            assertTrue(b.holder().isPresent());
            a.release();
            assertTrue(b.tryAcquire("cli pid 2"));
        }
    }

    @Test
    void nobodyHoldsAFreshLease() {
        try (Lease a = new Lease(home)) {
            assertEquals(java.util.Optional.empty(), a.holder());
        }
    }
}
