package dev.asymmetric.reconcile.reconcilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.model.Event;
import dev.asymmetric.model.Metadata;
import dev.asymmetric.model.SharedService;
import dev.asymmetric.model.States;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.WorkloadPlan;
import dev.asymmetric.reconcile.Result;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shared data-plane service's container: made when missing, remade when it ended or drifted, ready when it answers. */
class SharedServiceReconcilerTest {
    private static final String NAME = "asym-shared-redis";
    @TempDir
    Path dir;
    TestHome home;
    AnsweringRedis redis;

    @BeforeEach
    void setUp() {
        home = new TestHome(dir);
    }

    @AfterEach
    void stop() throws IOException {
        if (redis != null) {
            redis.close();
        }
    }

    /** Records shared/redis as a clone needing it does, on {@code hostPort} (null: none yet). */
    private void recordRedis(Integer hostPort) {
        home.store.create(new SharedService(Metadata.fresh(SharedService.REDIS, null, home.clock.instant(), Map.of()),
                new SharedService.Spec("redis:7-alpine"), new SharedService.Status(States.PENDING, 0, hostPort, null, null)));
    }

    private SharedService.Status status() {
        return home.store.read(SharedService.KIND, SharedService.REDIS, SharedService.class).orElseThrow().status();
    }

    private List<String> actions() {
        return home.provider.actions().stream().map(x -> x.op() + " " + x.name()).toList();
    }

    @Test
    void aMissingSharedServiceIsCreatedOnTheSharedNetworkWithItsVolumeOnLoopback() {
        recordRedis(null);

        assertEquals(Duration.ofMillis(200), home.passShared(SharedService.REDIS).gap());

        assertEquals(List.of("create " + NAME, "start " + NAME), actions());
        WorkloadPlan plan = home.provider.plan(NAME);
        assertEquals("redis:7-alpine", plan.image());
        assertEquals(SharedService.REDIS, plan.labels().get(Labels.SHARED));
        assertTrue(plan.labels().containsKey(Labels.CONFIG_HASH));
        assertEquals(null, plan.labels().get(Labels.CLONE), "it belongs to no clone");
        assertEquals("asym-shared", plan.network());
        assertEquals(List.of(new WorkloadPlan.Volume("asym-shared-redis-data", "/data")), plan.volumes());
        assertEquals(List.of(new WorkloadPlan.Port(6379, "127.0.0.1", 0)), plan.ports(), "the engine picks the port");
        assertEquals(States.STARTING, status().state());
        assertEquals(home.provider.workload(NAME).orElseThrow().id(), status().containerId());
    }

    @Test
    void itIsRunningOnceItAnswersOnItsPort() throws IOException {
        redis = new AnsweringRedis();
        recordRedis(redis.port());

        home.passShared(SharedService.REDIS);
        assertEquals(Result.done(), home.passShared(SharedService.REDIS).result());

        assertEquals(States.RUNNING, status().state());
        assertEquals(redis.port(), status().hostPort());
        Event ready = home.events("shared/redis").stream().filter(e -> e.reason().equals("Ready")).findFirst().orElseThrow();
        assertEquals(NAME + " answers on 127.0.0.1:" + redis.port(), ready.message());
    }

    @Test
    void anExitedSharedServiceIsRecreatedOnTheHostPortItWasReadyOn() throws IOException {
        redis = new AnsweringRedis();
        int port = redis.port();
        recordRedis(port);
        home.passShared(SharedService.REDIS);
        home.passShared(SharedService.REDIS);
        assertEquals(States.RUNNING, status().state());
        home.provider.crash(NAME, 1);
        home.provider.forgetCalls();

        home.passShared(SharedService.REDIS);

        assertEquals(List.of("remove " + NAME, "create " + NAME, "start " + NAME), actions());
        assertEquals(port, home.provider.plan(NAME).hostPort(6379), "URLs read before stay good");
        assertTrue(home.events("shared/redis").stream().anyMatch(e -> e.reason().equals("Recreating")
                && e.message().equals(NAME + " was exited") && e.warning()));
    }

    @Test
    void aSharedServiceWithAnotherImageIsRecreatedSayingItsConfigurationChanged() {
        recordRedis(null);
        home.passShared(SharedService.REDIS);
        home.store.mutate(SharedService.KIND, SharedService.REDIS, SharedService.class,
                s -> s.withSpec(new SharedService.Spec("redis:8-alpine")));

        home.passShared(SharedService.REDIS);

        assertEquals("redis:8-alpine", home.provider.plan(NAME).image());
        assertTrue(home.events("shared/redis").stream().anyMatch(e -> e.reason().equals("Recreating")
                && e.message().equals(NAME + " was running with another configuration")));
    }

    @Test
    void aHostPortTakenMeanwhileMovesItToANewPortAndSaysSo() {
        recordRedis(41999);
        home.provider.portTaken(41999);

        home.passShared(SharedService.REDIS);

        int now = home.provider.workload(NAME).orElseThrow().hostPort(6379);
        assertNotEquals(41999, now);
        assertEquals(List.of("create " + NAME, "start " + NAME, "remove " + NAME, "create " + NAME, "start " + NAME),
                actions());
        assertTrue(home.reasons("shared/redis").contains("PortMoved"));
    }

    @Test
    void aNameTakenByAContainerItDoesNotKnowIsLookedAtAgainAndNeverRemoved() {
        String theirs = home.provider.put(NAME, Map.of(), "running");
        recordRedis(null);

        assertEquals(Duration.ofMillis(200), home.passShared(SharedService.REDIS).gap());

        assertTrue(home.provider.calls("remove").isEmpty());
        assertEquals(theirs, home.provider.workload(NAME).orElseThrow().id());
    }

    @Test
    void aSharedServiceThatDoesNotAnswerWithinNinetySecondsFailsOnce() throws IOException {
        int silent;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            silent = s.getLocalPort(); // nothing listens there once it is closed
        }
        recordRedis(silent);
        home.passShared(SharedService.REDIS);
        assertTrue(home.passShared(SharedService.REDIS).requeued());
        assertEquals(States.STARTING, status().state());

        home.clock.advance(Duration.ofSeconds(91));
        home.passShared(SharedService.REDIS);
        home.passShared(SharedService.REDIS);

        assertEquals(States.FAILED, status().state());
        assertEquals(NAME + " does not answer; see `docker logs " + NAME + "`", status().message());
        assertEquals(1, home.reasons("shared/redis").stream().filter("NotReady"::equals).count());
    }

    @Test
    void aSharedServiceNobodyRecordedIsLeftAlone() {
        assertEquals(Result.done(), home.passShared(SharedService.POSTGRES).result());
        assertEquals(List.of(), home.provider.calls());
    }

    /** Just enough of Redis on 127.0.0.1 for a readiness check: HELLO as Redis 7 answers it, PING, anything else OK. */
    private static final class AnsweringRedis implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

        AnsweringRedis() throws IOException {
            Thread t = new Thread(this::serve, "answering-redis");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    OutputStream out = s.getOutputStream();
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (!line.startsWith("*")) {
                            continue;
                        }
                        int args = Integer.parseInt(line.substring(1));
                        String command = null;
                        for (int i = 0; i < args; i++) {
                            in.readLine(); // $<length>
                            String arg = in.readLine();
                            command = command == null ? arg : command;
                        }
                        out.write(reply(command).getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (IOException e) {
                    // closed, or the client hung up: take the next one
                }
            }
        }

        private static String reply(String command) {
            if ("PING".equalsIgnoreCase(command)) {
                return "+PONG\r\n";
            }
            if ("HELLO".equalsIgnoreCase(command)) {
                // what Redis 7 answers HELLO 2 with, as a flat map
                return "*14\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$5\r\n7.2.0\r\n$5\r\nproto\r\n:2\r\n"
                        + "$2\r\nid\r\n:1\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n"
                        + "$7\r\nmodules\r\n*0\r\n";
            }
            return "+OK\r\n";
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
