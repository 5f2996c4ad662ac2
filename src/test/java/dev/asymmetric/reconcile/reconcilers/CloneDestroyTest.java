package dev.asymmetric.reconcile.reconcilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.data.DataPlaneInfo;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneStatus;
import dev.asymmetric.reconcile.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a clone: its containers, its data as its status recorded it, and its record. */
class CloneDestroyTest {
    @TempDir
    Path dir;
    TestHome home;

    @BeforeEach
    void setUp() {
        home = new TestHome(dir);
    }

    private Clone running(String template) {
        Clone c = home.spin(template);
        home.settle(c.id());
        home.provider.forgetCalls();
        return home.clone(c.id());
    }

    @Test
    void deletionRemovesTheContainersDropsTheRecordedDataAndDeletesTheRecord() {
        Clone c = running("ledger");
        CloneStatus.CloneData recorded = c.status().data();
        assertEquals(new CloneStatus.CloneData(DataPlaneInfo.databaseName(c.id()), DataPlaneInfo.prefix(c.id())), recorded);

        home.store.requestDeletion(Clone.KIND, c.id(), Clone.class);
        assertEquals(Result.done(), home.pass(c.id()).result());

        assertEquals(List.of(TestHome.name(c.id(), "api")), home.provider.names("remove"));
        assertEquals(List.of(), home.provider.workloads());
        assertEquals(List.of(recorded), home.data.dropped);
        assertTrue(home.store.clone(c.id()).isEmpty(), "the record is gone, and with it the ports it held");
    }

    @Test
    void theDataIsDroppedAsRecordedEvenWhenTheTemplateHasLeftTheCatalog() {
        Clone c = running("ledger");
        home.withdraw("ledger");

        home.store.requestDeletion(Clone.KIND, c.id(), Clone.class);
        home.pass(c.id());

        assertEquals(List.of(c.status().data()), home.data.dropped);
        assertTrue(home.store.clone(c.id()).isEmpty());
    }

    @Test
    void aRecordFromBeforeDataWasNamedInStatusDropsTheNamesItsIdGives() {
        Clone c = running("ledger");
        home.store.mutate(Clone.KIND, c.id(), Clone.class, x -> x.withStatus(x.status().withDataReady("r0", null)));

        home.store.requestDeletion(Clone.KIND, c.id(), Clone.class);
        home.pass(c.id());

        assertEquals(List.of(new CloneStatus.CloneData(DataPlaneInfo.databaseName(c.id()), DataPlaneInfo.prefix(c.id()))),
                home.data.dropped);
    }

    @Test
    void aCloneWithoutDataDropsNothing() {
        Clone c = running("duo");

        home.store.requestDeletion(Clone.KIND, c.id(), Clone.class);
        home.pass(c.id());

        assertEquals(List.of(TestHome.name(c.id(), "api"), TestHome.name(c.id(), "worker")), home.provider.names("remove"));
        assertEquals(List.of(), home.data.dropped);
        assertTrue(home.store.clone(c.id()).isEmpty());
    }

    @Test
    void aStoppedCloneIsDestroyedLikeAnyOther() {
        Clone c = running("duo");
        home.edit(c.id(), s -> s.withStopped(true));
        home.pass(c.id());

        home.store.requestDeletion(Clone.KIND, c.id(), Clone.class);
        home.pass(c.id());

        assertEquals(List.of(), home.provider.workloads());
        assertTrue(home.store.clone(c.id()).isEmpty());
    }
}
