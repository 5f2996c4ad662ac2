package dev.asymmetric.reconcile.reconcilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.States;
import dev.asymmetric.reconcile.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reset: which containers are replaced and when, which are kept and reset by their hook, and how hooks fail. */
class CloneResetTest {
    private static final String MAIL_HOOK = "sh -c rm -rf /var/mail/*";
    @TempDir
    Path dir;
    TestHome home;
    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        home = new TestHome(dir);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static List<String> described(List<dev.asymmetric.testing.FakeProvider.Call> calls) {
        return calls.stream().map(x -> x.op() + " " + x.name()).toList();
    }

    @Test
    void aResetReplacesContainersBeforeTheDataIsPreparedAndTheNewOnesClaimThePortsBeforeTheOldAreRemoved() {
        Clone c = home.spin("ledger");
        home.settle(c.id());
        String api = TestHome.name(c.id(), "api");
        String old = home.workload(c.id(), "api").id();
        home.provider.forgetCalls();
        List<String> doneBeforeData = new ArrayList<>();
        home.data.onPrepare(() -> doneBeforeData.addAll(described(home.provider.actions())));

        home.edit(c.id(), s -> s.reset(false));
        home.settle(c.id());

        assertEquals(List.of("setAside " + api, "create " + api, "remove " + api + "-old-" + old), doneBeforeData,
                "the old container is gone before the data goes back, its replacement made but not started");
        assertEquals(List.of("setAside " + api, "create " + api, "remove " + api + "-old-" + old, "start " + api),
                described(home.provider.actions()));
        assertEquals(List.of(c.id(), c.id()), home.data.prepared, "prepared at spin and again at reset");
        assertNotEquals(old, home.workload(c.id(), "api").id());
        assertEquals(c.spec().ports().get("api"), home.workload(c.id(), "api").hostPort(8080), "same host port");
        Clone after = home.clone(c.id());
        assertEquals(States.RUNNING, after.status().state());
        assertEquals(1, after.status().observedResetCount());
        assertEquals("r1", after.status().dataReady());
        assertTrue(home.reasons(c.key()).containsAll(List.of("Resetting", "DataPrepared")), home.reasons(c.key()).toString());
    }

    @Test
    void aResetOfAServiceWithAnExecHookKeepsItsContainerAndRunsTheHookOnce() {
        Clone c = home.spin("hooked");
        home.pass(c.id());
        String mail = home.workload(c.id(), "mail").id();
        String web = home.workload(c.id(), "web").id();
        home.provider.script("test/web:1").notReadyFor(3);
        home.provider.forgetCalls();

        home.edit(c.id(), s -> s.reset(false));
        home.settle(c.id());
        home.pass(c.id());

        assertEquals(List.of(TestHome.name(c.id(), "mail")), home.provider.names("exec"),
                "once, though health took several passes");
        assertEquals(MAIL_HOOK, home.provider.calls("exec").get(0).detail());
        assertEquals(mail, home.workload(c.id(), "mail").id(), "the hooked service keeps its container");
        assertNotEquals(web, home.workload(c.id(), "web").id(), "the service without a hook is recreated");
        assertTrue(home.events(c.key()).stream().anyMatch(e -> e.reason().equals("Reset")
                && e.message().equals("reset hook of mail ran; container(s) kept")));
        assertEquals(States.RUNNING, home.clone(c.id()).status().state());
        assertEquals(1, home.clone(c.id()).status().observedResetCount());
    }

    @Test
    void aResetOfAServiceWithAnHttpHookSendsTheRequestToItsEndpointOnce() throws IOException {
        int port = serve(200, "");
        Clone c = home.spinOn("hooked-http-0001", "hooked-http", Map.of("api", port));
        home.pass(c.id());
        String kept = home.workload(c.id(), "api").id();

        home.edit(c.id(), s -> s.reset(false));
        home.settle(c.id());
        home.pass(c.id());

        assertEquals(List.of("POST /__admin/reset"), requests);
        assertEquals(kept, home.workload(c.id(), "api").id());
        assertEquals(States.RUNNING, home.clone(c.id()).status().state());
    }

    @Test
    void anHttpHookAnsweringOtherThanExpectedFailsTheCloneNamingTheHook() throws IOException {
        int port = serve(500, "stub store is read-only");
        Clone c = home.spinOn("hooked-http-0002", "hooked-http", Map.of("api", port));
        home.pass(c.id());

        home.edit(c.id(), s -> s.reset(false));
        TestHome.Pass p = home.pass(c.id());

        assertEquals(ErrorCode.CLONE_START_FAILED, p.failure().code());
        assertEquals("the reset hook of service api: POST /__admin/reset answered 500, not 200 (stub store is read-only)."
                + " Recreate the clone instead with: asymmetric reset --recreate " + c.id(), p.failure().getMessage());
    }

    @Test
    void aFailingExecHookFailsTheCloneNamingTheHookAndResetRecreateIsTheWayBack() {
        Clone c = home.spin("hooked");
        home.pass(c.id());
        String mail = home.workload(c.id(), "mail").id();
        home.provider.script("test/mail:1").execAnswers(1, "rm: can't remove '/var/mail/new': Permission denied\n");

        home.edit(c.id(), s -> s.reset(false));
        TestHome.Pass p = home.pass(c.id());

        assertEquals(ErrorCode.CLONE_START_FAILED, p.failure().code());
        String message = p.failure().getMessage();
        assertTrue(message.startsWith("the reset hook of service mail: `" + MAIL_HOOK + "` exited with code 1"), message);
        assertTrue(message.contains("Permission denied"), message);
        assertTrue(message.endsWith("asymmetric reset --recreate " + c.id()), message);
        assertEquals(States.FAILED, home.clone(c.id()).status().state());
        assertEquals(Result.done(), home.pass(c.id()).result(), "not retried on the next trigger");
        assertEquals(1, home.provider.calls("exec").size());
        assertEquals(States.FAILED, home.clone(c.id()).status().state(), "a reset that did not happen is not passed off as up");

        home.edit(c.id(), s -> s.reset(true));
        home.settle(c.id());

        assertEquals(1, home.provider.calls("exec").size(), "reset --recreate runs no hook");
        assertNotEquals(mail, home.workload(c.id(), "mail").id());
        assertEquals(States.RUNNING, home.clone(c.id()).status().state());
    }

    @Test
    void resetRecreateRecreatesEvenServicesWithAHook() {
        Clone c = home.spin("hooked");
        home.pass(c.id());
        String mail = home.workload(c.id(), "mail").id();
        String web = home.workload(c.id(), "web").id();

        home.edit(c.id(), s -> s.reset(true));
        home.settle(c.id());

        assertEquals(List.of(), home.provider.calls("exec"));
        assertNotEquals(mail, home.workload(c.id(), "mail").id());
        assertNotEquals(web, home.workload(c.id(), "web").id());
        assertEquals(States.RUNNING, home.clone(c.id()).status().state());
        assertEquals(1, home.clone(c.id()).status().observedResetCount());
    }

    @Test
    void aResetOfAStoppedCloneReplacesEveryContainerAndLeavesItStopped() {
        Clone c = home.spin("hooked");
        home.pass(c.id());
        String mail = home.workload(c.id(), "mail").id();
        home.edit(c.id(), s -> s.withStopped(true));
        home.pass(c.id());
        home.provider.forgetCalls();

        // as `reset` asks it of a stopped clone: its hooks can't run, so every container is recreated
        home.edit(c.id(), s -> s.reset(true));
        assertEquals(Result.done(), home.pass(c.id()).result());

        assertEquals(List.of(), home.provider.calls("start"), "the new containers are made, not started");
        assertEquals(List.of(), home.provider.calls("exec"));
        assertNotEquals(mail, home.workload(c.id(), "mail").id());
        assertEquals("created", home.workload(c.id(), "mail").state());
        assertEquals(States.STOPPED, home.clone(c.id()).status().state());
        assertEquals(1, home.clone(c.id()).status().observedResetCount());

        home.edit(c.id(), s -> s.withStopped(false));
        home.pass(c.id());
        assertEquals(States.RUNNING, home.clone(c.id()).status().state());
        assertEquals(List.of(TestHome.name(c.id(), "mail"), TestHome.name(c.id(), "web")), home.provider.names("start"));
    }

    @Test
    void aDatabaseSwappedInPlaceKeepsTheContainerAcrossAReset() {
        Clone c = home.spin("ledger-in-place");
        home.settle(c.id());
        String kept = home.workload(c.id(), "api").id();
        home.provider.forgetCalls();

        home.edit(c.id(), s -> s.reset(false));
        home.settle(c.id());

        assertEquals(kept, home.workload(c.id(), "api").id());
        assertEquals(List.of(), home.provider.actions(), "only the data went back");
        assertEquals(List.of(c.id(), c.id()), home.data.prepared);
        assertEquals(1, home.clone(c.id()).status().observedResetCount());
    }

    /** An HTTP endpoint on 127.0.0.1 that answers every request with {@code code} and {@code body}. */
    private int serve(int code, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                ex.getResponseBody().write(bytes);
            }
            ex.close();
        });
        server.start();
        return server.getAddress().getPort();
    }
}
