package dev.asymmetric.provider;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where clones run: the seam between the reconcilers and a runtime (the local Docker engine; a Kubernetes cluster).
 * Reconcilers decide; a provider carries out one small, idempotent step at a time and reports what exists, by label,
 * never from memory. Every workload asymmetric makes carries the {@link Labels}; {@link #list()} returns them for
 * every home (another home's are recognised by {@link Labels#HOME} and never touched).
 *
 * <p>Failures are {@link ProviderFailure}s whose {@link ProviderFailure.Kind} lets the reconciler name them for the
 * user ({@code UNAVAILABLE} becomes DOCKER_UNAVAILABLE or its cluster twin and is retried).
 *
 * <p>Mapping, per provider: Docker — a workload is a container named {@link WorkloadPlan#name()}, its ports published
 * on the host, its files baked into a seeded image, {@code group} ignored. Kubernetes — a workload is a Deployment
 * (one replica; stopped = zero) plus a Service of that name in the namespace of its group, its files a ConfigMap,
 * its {@link WorkloadPlan.Probe} a readiness probe, host ports ignored.
 */
public interface Provider extends AutoCloseable {

    /** {@code docker} or {@code kubernetes}. */
    String name();

    /** Where the workloads run, for messages: {@code unix:///var/run/docker.sock}, a kube context and server. */
    String target();

    /** Checks that the runtime answers, within seconds; returns its version line, or throws the named error. */
    String ping();

    /** Requests made so far (for metrics and the benchmark). */
    long apiCalls();

    /** Every workload asymmetric manages here (any home, shared ones too), in one request. */
    List<Workload> list();

    /** What every workload here holds (host ports, clone ids, names), for allocating ids and ports. */
    Occupancy occupancy();

    /** The workload as it is right now, or null when it is gone. */
    WorkloadDetail inspect(Workload w);

    /**
     * Whether the workload is up per its plan's probe, judged so that an answer from anything else never counts:
     * {@code UP} only when the probe passed and, afterwards, the workload still ran (and still published the probed
     * port); {@code ENDED} when it exited, died or is restarting, with how.
     */
    Readiness ready(Workload w, WorkloadPlan plan);

    /** The URL a user reaches {@code containerPort} of the planned workload at (null when it publishes none). */
    String endpoint(WorkloadPlan plan, int containerPort);

    /** Where this process reaches {@code containerPort} of a running workload (the data plane connects there). */
    Address address(Workload w, int containerPort);

    /** Of these images, the ones not present where workloads run (they would be pulled on first use). */
    List<String> missingImages(java.util.Collection<String> images);

    /**
     * Removes what the provider made for workloads and nothing uses any more (Docker: seeded and built images older
     * than {@code minAge} that no container runs from); returns what it removed, in words.
     */
    List<String> collectGarbage(Duration minAge);

    /** Creates the workload, not started; pulls or builds its image first. Returns its id. */
    String create(WorkloadPlan plan);

    void start(String id);

    void stop(String id, Duration grace);

    void unpause(String id);

    /** Removes the workload and what belongs only to it; gone already is fine. */
    void remove(String id);

    /** Copies files into the running workload (a reset hook's {@code reapplyFiles}), over what is there. */
    void copy(Workload w, List<WorkloadPlan.FileDrop> files);

    /** Frees the workload's name while it keeps what it claims, so its replacement can be created first. */
    void setAside(Workload w);

    /** Everything of an environment is gone: drop what the provider made for the group itself (a namespace). */
    void groupGone(String group);

    /** The last {@code lines} lines of the workload's output; empty when there are none. */
    String logTail(Workload w, int lines);

    /** Copies the workload's output to {@code out}; with {@code follow}, until it stops or the thread is interrupted. */
    void logs(Workload w, boolean follow, int tail, boolean timestamps, OutputStream out) throws InterruptedException;

    /** Runs a command in the workload; returns its exit code. */
    int exec(Workload w, List<String> command, boolean tty, InputStream in, OutputStream out, OutputStream err)
            throws InterruptedException;

    /**
     * Streams changes to managed workloads until the handle is closed; {@code onEnd} runs once when the stream ends
     * for any reason but close (null when it simply ended).
     */
    Closeable watch(Consumer<WorkloadEvent> onEvent, Consumer<Throwable> onEnd);

    @Override
    void close();

    /** A host and port to connect to. */
    record Address(String host, int port) {
    }

    /** What {@link #ready} saw. */
    record Readiness(State state, WorkloadDetail detail) {
        public enum State { UP, NOT_YET, ENDED }

        public static Readiness up() {
            return new Readiness(State.UP, null);
        }

        public static Readiness notYet() {
            return new Readiness(State.NOT_YET, null);
        }

        public static Readiness ended(WorkloadDetail detail) {
            return new Readiness(State.ENDED, detail);
        }
    }
}
