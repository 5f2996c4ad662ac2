package dev.asymmetric.testing;

import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.Occupancy;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.provider.WorkloadDetail;
import dev.asymmetric.provider.WorkloadEvent;
import dev.asymmetric.provider.WorkloadPlan;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A provider in memory, for reconciler tests without an engine: workloads with ids, names, labels and states, kept
 * the way Docker keeps containers (a name is held by one workload, a host port by one running workload, published
 * ports are listed while it runs, {@link Labels#PORTS} claims them in any state), and every call recorded so a test
 * can say "created once" or "nothing removed". Behaviour is scripted per workload name or image ({@link #script}):
 * ready after some probes or never, ending during start-up with an exit code and log lines, a start that fails, what
 * an exec answers; and for the whole engine: an image that can't be had, a host port some other program holds, the
 * engine gone. What the test does to workloads behind the reconciler's back ({@link #crash}, {@link #pause},
 * {@link #vanish}, {@link #put}) is not a call; like everything that changes a workload, it is an event to
 * {@link #watch}ers.
 *
 * <p>It plays the Docker provider unless named otherwise: a provider's name decides how reconcilers word an engine
 * that doesn't answer.
 */
public final class FakeProvider implements Provider {
    /** Calls that change something, as opposed to looking ({@code list}, {@code inspect}, {@code ready}, ...). */
    public static final Set<String> ACTIONS = Set.of("create", "start", "stop", "unpause", "remove", "setAside", "copy",
            "exec", "groupGone");

    /** One call: the operation, the workload's id and name at the time (null when none), and what it asked. */
    public record Call(String op, String id, String name, String detail) {
    }

    /** How workloads of one name or image behave. Fluent; changes apply to workloads that exist already too. */
    public static final class Script {
        private int notReadyFor;
        private boolean neverReady;
        private Integer exitsOnStart;
        private List<String> printed = List.of();
        private int execExit;
        private String execOutput = "";
        private ProviderFailure.Kind startFails;
        private String startFailure;

        /** The first {@code probes} probes of a running workload say "not yet"; the next says up. */
        public Script notReadyFor(int probes) {
            this.notReadyFor = probes;
            this.neverReady = false;
            return this;
        }

        public Script neverReady() {
            this.neverReady = true;
            return this;
        }

        /** Up at the next probe from now on. */
        public Script readyNow() {
            this.neverReady = false;
            this.notReadyFor = 0;
            return this;
        }

        /** The workload exits with {@code exitCode} right after it is started, having printed {@code lastLines}. */
        public Script endsDuringStartup(int exitCode, String... lastLines) {
            this.exitsOnStart = exitCode;
            this.printed = List.of(lastLines);
            return this;
        }

        /** What the workload prints once started. */
        public Script prints(String... lines) {
            this.printed = List.of(lines);
            return this;
        }

        /** What a command run in it exits with and prints. */
        public Script execAnswers(int exitCode, String output) {
            this.execExit = exitCode;
            this.execOutput = output;
            return this;
        }

        /** Starting it fails with this kind of failure. */
        public Script startFails(ProviderFailure.Kind kind, String message) {
            this.startFails = kind;
            this.startFailure = message;
            return this;
        }
    }

    /** One workload as the fake holds it. */
    private static final class Held {
        final String id;
        final String plannedName;
        final Map<String, String> labels;
        final String image;
        final List<WorkloadPlan.Port> ports;
        final WorkloadPlan plan;
        final List<String> printed = new ArrayList<>();
        String name;
        String state = "created";
        Integer exitCode;
        String startedAt;
        int probes;

        Held(String id, String name, Map<String, String> labels, String image, List<WorkloadPlan.Port> ports,
                WorkloadPlan plan) {
            this.id = id;
            this.name = name;
            this.plannedName = name;
            this.labels = Map.copyOf(labels);
            this.image = image;
            this.ports = List.copyOf(ports);
            this.plan = plan;
        }

        boolean publishing() {
            return "running".equals(state) || "paused".equals(state);
        }

        Set<Integer> hostPorts() {
            Set<Integer> out = new TreeSet<>();
            ports.forEach(p -> out.add(p.hostPort()));
            return out;
        }

        String status() {
            return switch (state) {
                case "created" -> "Created";
                case "running" -> "Up";
                case "paused" -> "Up (Paused)";
                case "exited" -> "Exited (" + exitCode + ")";
                default -> state;
            };
        }
    }

    private record Watcher(Consumer<WorkloadEvent> onEvent, Consumer<Throwable> onEnd) {
    }

    private final String name;
    private final String target;
    private final Clock clock;
    private final Map<String, Held> workloads = new LinkedHashMap<>();
    private final Map<String, Script> scripts = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final Set<String> missingImages = new HashSet<>();
    private final Set<Integer> takenByOthers = new HashSet<>();
    private boolean unavailable;
    private int nextId;
    private int nextEphemeralPort = 49152;

    /** A fake Docker engine on its own fake clock. */
    public FakeProvider() {
        this("docker", "unix:///fake/docker.sock", new FakeClock());
    }

    public FakeProvider(Clock clock) {
        this("docker", "unix:///fake/docker.sock", clock);
    }

    public FakeProvider(String name, String target, Clock clock) {
        this.name = name;
        this.target = target;
        this.clock = clock;
    }

    // ----- scripting, by the test -----

    /** The script of workloads called {@code nameOrImage}, or (when no name matches) of that image. */
    public synchronized Script script(String nameOrImage) {
        return scripts.computeIfAbsent(nameOrImage, k -> new Script());
    }

    /** Creating a workload of this image fails with IMAGE_MISSING. */
    public synchronized void imageMissing(String image) {
        missingImages.add(image);
    }

    /** Some other program holds this host port: starting a workload that publishes it fails with PORT_IN_USE. */
    public synchronized void portTaken(int hostPort) {
        takenByOthers.add(hostPort);
    }

    /** Whether a program other than the engine's workloads holds this port (for a clone factory's "free" test). */
    public synchronized boolean heldByAnotherProgram(int hostPort) {
        return takenByOthers.contains(hostPort);
    }

    /** From now on every call fails with UNAVAILABLE (or, with false, works again). */
    public synchronized void unavailable(boolean gone) {
        this.unavailable = gone;
    }

    /** A workload nobody here created (another home's, a leftover, one made by hand): returns its id. */
    public String put(String workloadName, Map<String, String> labels, String state, int... hostPorts) {
        List<WorkloadPlan.Port> ports = new ArrayList<>();
        for (int p : hostPorts) {
            ports.add(new WorkloadPlan.Port(8080 + ports.size(), "127.0.0.1", p));
        }
        Held h;
        synchronized (this) {
            h = new Held("w" + ++nextId, workloadName, labels, "busybox:1.36", ports, null);
            h.state = state;
            h.exitCode = "exited".equals(state) ? 0 : null;
            workloads.put(h.id, h);
        }
        emit("create", h);
        return h.id;
    }

    /** The workload's process dies with {@code exitCode} (printing {@code lastLines}), as if it crashed. */
    public void crash(String workloadName, int exitCode, String... lastLines) {
        Held h;
        synchronized (this) {
            h = named(workloadName);
            h.state = "exited";
            h.exitCode = exitCode;
            h.printed.addAll(List.of(lastLines));
        }
        emit("die", h);
    }

    /** Someone pauses the workload by hand. */
    public void pause(String workloadName) {
        Held h;
        synchronized (this) {
            h = named(workloadName);
            h.state = "paused";
        }
        emit("pause", h);
    }

    /** Someone removes the workload by hand. */
    public void vanish(String workloadName) {
        Held h;
        synchronized (this) {
            h = named(workloadName);
            workloads.remove(h.id);
        }
        emit("destroy", h);
    }

    /** Tells every watcher about an event, as the engine's event stream would. */
    public void emit(WorkloadEvent e) {
        watchers.forEach(w -> w.onEvent().accept(e));
    }

    /** Ends every watch with {@code error} (null: the stream simply ended). */
    public void endWatches(Throwable error) {
        List<Watcher> ended = List.copyOf(watchers);
        watchers.clear();
        ended.forEach(w -> {
            if (w.onEnd() != null) {
                w.onEnd().accept(error);
            }
        });
    }

    // ----- looking, by the test -----

    /** The workload of that name as {@link #list} shows it, if there is one. */
    public synchronized Optional<Workload> workload(String workloadName) {
        return workloads.values().stream().filter(h -> h.name.equals(workloadName)).findFirst().map(this::view);
    }

    /** Every workload, in the order they were made. */
    public synchronized List<Workload> workloads() {
        return workloads.values().stream().map(this::view).toList();
    }

    /** The plan the workload of that name was created from. */
    public synchronized WorkloadPlan plan(String workloadName) {
        return named(workloadName).plan;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls that changed something, in order. */
    public synchronized List<Call> actions() {
        return calls.stream().filter(c -> ACTIONS.contains(c.op())).toList();
    }

    public synchronized List<Call> calls(String op) {
        return calls.stream().filter(c -> c.op().equals(op)).toList();
    }

    /** The names of the workloads {@code op} was called on, in order. */
    public synchronized List<String> names(String op) {
        return calls(op).stream().map(Call::name).toList();
    }

    /** Forgets the calls so far, so a test can look at what the next pass does. */
    public synchronized void forgetCalls() {
        calls.clear();
    }

    // ----- the provider -----

    @Override
    public String name() {
        return name;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public synchronized String ping() {
        call("ping", null, null);
        return "Fake engine 1.0";
    }

    @Override
    public synchronized long apiCalls() {
        return calls.size();
    }

    @Override
    public synchronized List<Workload> list() {
        call("list", null, null);
        return workloads.values().stream().filter(h -> "true".equals(h.labels.get(Labels.MANAGED))).map(this::view)
                .toList();
    }

    @Override
    public synchronized Occupancy occupancy() {
        call("occupancy", null, null);
        Set<Integer> ports = new HashSet<>();
        Set<String> clones = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Held h : workloads.values()) {
            if (h.publishing()) {
                ports.addAll(h.hostPorts());
            }
            ports.addAll(Labels.ports(h.labels.get(Labels.PORTS)));
            if (h.labels.get(Labels.CLONE) != null) {
                clones.add(h.labels.get(Labels.CLONE));
            }
            names.add(h.name);
        }
        return new Occupancy(ports, clones, names);
    }

    @Override
    public synchronized WorkloadDetail inspect(Workload w) {
        call("inspect", w.id(), null);
        Held h = workloads.get(w.id());
        return h == null ? null : detail(h);
    }

    @Override
    public synchronized Readiness ready(Workload w, WorkloadPlan plan) {
        call("ready", w.id(), null);
        Held h = workloads.get(w.id());
        if (h == null) {
            return Readiness.notYet();
        }
        if ("exited".equals(h.state) || "dead".equals(h.state)) {
            return Readiness.ended(detail(h));
        }
        if (!"running".equals(h.state)) {
            return Readiness.notYet();
        }
        Script s = scriptOf(h);
        h.probes++;
        return s.neverReady || h.probes <= s.notReadyFor ? Readiness.notYet() : Readiness.up();
    }

    @Override
    public String endpoint(WorkloadPlan plan, int containerPort) {
        Integer host = plan.hostPort(containerPort);
        return host == null ? null : "http://127.0.0.1:" + host;
    }

    @Override
    public Address address(Workload w, int containerPort) {
        Integer host = w.hostPort(containerPort);
        return host == null ? null : new Address("127.0.0.1", host);
    }

    @Override
    public String create(WorkloadPlan plan) {
        Held h;
        synchronized (this) {
            call("create", null, plan.name(), plan.image());
            if (missingImages.contains(plan.image())) {
                throw new ProviderFailure(ProviderFailure.Kind.IMAGE_MISSING, "image " + plan.image()
                        + " is not on this engine and could not be pulled (fake: scripted as missing)", null);
            }
            Held holder = workloads.values().stream().filter(x -> x.name.equals(plan.name())).findFirst().orElse(null);
            if (holder != null) {
                if (!leftoverOfSameClone(holder, plan)) {
                    throw new ProviderFailure(ProviderFailure.Kind.NAME_TAKEN, "the container name " + plan.name()
                            + " is taken by " + holderWords(holder), null);
                }
                workloads.remove(holder.id); // as Docker's create does: a crash between create and record left it
            }
            List<WorkloadPlan.Port> ports = new ArrayList<>();
            for (WorkloadPlan.Port p : plan.ports()) {
                ports.add(new WorkloadPlan.Port(p.containerPort(), p.hostIp(),
                        p.hostPort() > 0 ? p.hostPort() : nextEphemeralPort++));
            }
            h = new Held("w" + ++nextId, plan.name(), plan.labels(), plan.image(), ports, plan);
            workloads.put(h.id, h);
            calls.set(calls.size() - 1, new Call("create", h.id, h.name, plan.image()));
        }
        emit("create", h);
        return h.id;
    }

    @Override
    public void start(String id) {
        Held h;
        boolean ends;
        synchronized (this) {
            h = held(id, "start");
            Script s = scriptOf(h);
            if (s.startFails != null) {
                throw new ProviderFailure(s.startFails, "starting " + h.name + ": " + s.startFailure, null);
            }
            if ("running".equals(h.state)) {
                return;
            }
            for (int port : h.hostPorts()) {
                boolean published = workloads.values().stream()
                        .anyMatch(o -> o != h && o.publishing() && o.hostPorts().contains(port));
                if (takenByOthers.contains(port) || published) {
                    throw new ProviderFailure(ProviderFailure.Kind.PORT_IN_USE, "starting " + h.name
                            + ": Bind for 127.0.0.1:" + port + " failed: port is already allocated", null);
                }
            }
            h.startedAt = clock.instant().toString();
            h.probes = 0;
            h.printed.addAll(s.printed);
            ends = s.exitsOnStart != null;
            h.state = ends ? "exited" : "running";
            h.exitCode = ends ? s.exitsOnStart : null;
        }
        emit("start", h);
        if (ends) {
            emit("die", h);
        }
    }

    @Override
    public void stop(String id, Duration grace) {
        Held h;
        synchronized (this) {
            h = held(id, "stop");
            if (!h.publishing()) {
                return;
            }
            h.state = "exited";
            h.exitCode = 0;
        }
        emit("die", h);
        emit("stop", h);
    }

    @Override
    public void unpause(String id) {
        Held h;
        synchronized (this) {
            h = held(id, "unpause");
            if (!"paused".equals(h.state)) {
                throw new ProviderFailure(ProviderFailure.Kind.CONFLICT, "container " + h.name + " is not paused", null);
            }
            h.state = "running";
        }
        emit("unpause", h);
    }

    @Override
    public void remove(String id) {
        Held h;
        synchronized (this) {
            h = workloads.get(id);
            call("remove", id, h == null ? null : h.name);
            if (h == null) {
                return;
            }
            workloads.remove(id);
        }
        emit("destroy", h);
    }

    @Override
    public synchronized List<String> missingImages(java.util.Collection<String> images) {
        call("missingImages", null, null, String.valueOf(images));
        return images.stream().filter(missingImages::contains).toList();
    }

    @Override
    public synchronized List<String> collectGarbage(Duration minAge) {
        call("collectGarbage", null, null, String.valueOf(minAge));
        return List.of();
    }

    @Override
    public synchronized void copy(Workload w, List<WorkloadPlan.FileDrop> files) {
        Held h = held(w.id(), "copy", files.stream().map(WorkloadPlan.FileDrop::target).toList().toString());
        if (!h.publishing()) {
            throw new ProviderFailure(ProviderFailure.Kind.CONFLICT, "container " + h.name + " is not running", null);
        }
    }

    @Override
    public void setAside(Workload w) {
        Held h;
        synchronized (this) {
            h = held(w.id(), "setAside");
            h.name = h.name + "-old-" + h.id;
        }
        emit("rename", h);
    }

    @Override
    public synchronized void groupGone(String group) {
        call("groupGone", null, null, group);
    }

    @Override
    public synchronized String logTail(Workload w, int lines) {
        Held h = held(w.id(), "logTail");
        List<String> all = h.printed;
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void logs(Workload w, boolean follow, int tail, boolean timestamps, OutputStream out) {
        String text;
        synchronized (this) {
            Held h = held(w.id(), "logs");
            List<String> all = h.printed;
            List<String> shown = tail < 0 ? all : all.subList(Math.max(0, all.size() - tail), all.size());
            text = shown.isEmpty() ? "" : String.join("\n", shown) + "\n";
        }
        write(out, text);
    }

    @Override
    public int exec(Workload w, List<String> command, boolean tty, InputStream in, OutputStream out, OutputStream err) {
        Script s;
        synchronized (this) {
            Held h = held(w.id(), "exec", String.join(" ", command));
            if (!"running".equals(h.state)) {
                throw new ProviderFailure(ProviderFailure.Kind.CONFLICT, "container " + h.name + " is not running", null);
            }
            s = scriptOf(h);
        }
        write(out, s.execOutput);
        return s.execExit;
    }

    @Override
    public synchronized Closeable watch(Consumer<WorkloadEvent> onEvent, Consumer<Throwable> onEnd) {
        call("watch", null, null);
        Watcher w = new Watcher(onEvent, onEnd);
        watchers.add(w);
        return () -> watchers.remove(w);
    }

    @Override
    public void close() {
        watchers.clear();
    }

    // ----- inside -----

    /** Records a call, then fails it if the engine is gone (a call to a gone engine is still a call). */
    private void call(String op, String id, String workloadName, String detail) {
        calls.add(new Call(op, id, workloadName, detail));
        if (unavailable) {
            throw new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, "Cannot connect to the engine at " + target
                    + ": it is gone (fake)", null);
        }
    }

    private void call(String op, String id, String workloadName) {
        call(op, id, workloadName, null);
    }

    /** Records the call on workload {@code id} and returns it, or fails NOT_FOUND as the engine would. */
    private Held held(String id, String op, String detail) {
        Held h = workloads.get(id);
        call(op, id, h == null ? null : h.name, detail);
        if (h == null) {
            throw new ProviderFailure(ProviderFailure.Kind.NOT_FOUND, "No such container: " + id, null);
        }
        return h;
    }

    private Held held(String id, String op) {
        return held(id, op, null);
    }

    private Held named(String workloadName) {
        return workloads.values().stream().filter(h -> h.name.equals(workloadName)).findFirst()
                .orElseThrow(() -> new AssertionError("the fake holds no workload called " + workloadName
                        + "; it holds " + workloads.values().stream().map(x -> x.name).toList()));
    }

    private Script scriptOf(Held h) {
        Script s = scripts.get(h.plannedName);
        return s != null ? s : scripts.getOrDefault(h.image, new Script());
    }

    /** As Docker's create: only this very clone's leftover (same home, same clone, not shared) may be replaced. */
    private static boolean leftoverOfSameClone(Held holder, WorkloadPlan plan) {
        String home = plan.labels().get(Labels.HOME);
        return home != null && home.equals(holder.labels.get(Labels.HOME)) && !holder.labels.containsKey(Labels.SHARED)
                && java.util.Objects.equals(plan.labels().get(Labels.CLONE), holder.labels.get(Labels.CLONE));
    }

    private static String holderWords(Held holder) {
        String home = holder.labels.get(Labels.HOME);
        return home != null ? "a clone of another asymmetric home (" + home + ")" : "a container asymmetric did not make";
    }

    private Workload view(Held h) {
        List<Workload.Published> ports = new ArrayList<>();
        if (h.publishing()) {
            h.ports.forEach(p -> ports.add(new Workload.Published(p.containerPort(), p.hostIp(), p.hostPort())));
        }
        return new Workload(h.id, h.name, h.labels, h.state, h.status(), h.image, "sha256:fake-" + h.image, ports);
    }

    private static WorkloadDetail detail(Held h) {
        return new WorkloadDetail(h.id, h.state, h.publishing(), "paused".equals(h.state), false, h.exitCode, false,
                null, 0, h.startedAt, h.publishing() ? h.hostPorts() : Set.of());
    }

    private void emit(String action, Held h) {
        Map<String, String> labels = new LinkedHashMap<>(h.labels);
        labels.put("name", h.name);
        emit(new WorkloadEvent(action, h.id, labels));
    }

    private static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
