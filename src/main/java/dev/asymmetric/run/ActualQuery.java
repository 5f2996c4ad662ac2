package dev.asymmetric.run;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.Workload;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What verbs may look at where clones run, without reconciling: each clone's workloads as they are now (so status
 * shows drift before anything repairs it), their output, and a command run inside one. Only this home's workloads,
 * and the shared data plane's.
 */
public final class ActualQuery {
    private final Supplier<Provider> provider;
    private final String home;

    public ActualQuery(Supplier<Provider> provider, java.nio.file.Path home) {
        this.provider = provider;
        this.home = HomeId.of(home);
    }

    /** One service workload of a clone as it is now. */
    public record WorkloadView(String service, String name, String state, String status) {
    }

    /** Each clone's workloads as they are now (one list call). */
    public Map<String, List<WorkloadView>> inspect(Collection<String> cloneIds) {
        List<Workload> all = ours();
        Map<String, List<WorkloadView>> out = new LinkedHashMap<>();
        for (String id : cloneIds) {
            out.put(id, all.stream().filter(c -> id.equals(c.label(Labels.CLONE)))
                    .map(c -> new WorkloadView(c.label(Labels.SERVICE), c.name(), c.state(), c.status())).toList());
        }
        return out;
    }

    /** The clone's workloads ({@code service} only, when given), in service order; CLONE_NOT_FOUND when none. */
    public List<Workload> workloads(String cloneId, String service) {
        List<Workload> found = ours().stream().filter(x -> cloneId.equals(x.label(Labels.CLONE)))
                .filter(x -> service == null || service.equals(x.label(Labels.SERVICE))).toList();
        if (found.isEmpty()) {
            throw new AsymException(ErrorCode.CLONE_NOT_FOUND, "Clone " + cloneId + " has no container"
                    + (service == null ? "" : " for service '" + service + "'")
                    + " right now; see `asymmetric status` for its state.");
        }
        return found;
    }

    /** Copies one workload's output to {@code out}. */
    public void logs(Workload w, boolean follow, int tail, boolean timestamps, OutputStream out) throws InterruptedException {
        try {
            provider.get().logs(w, follow, tail, timestamps, out);
        } catch (ProviderFailure f) {
            throw unavailable(f);
        }
    }

    /** Runs a command in one workload; its exit code. */
    public int exec(Workload w, List<String> command, boolean tty, InputStream in, OutputStream out, OutputStream err)
            throws InterruptedException {
        try {
            return provider.get().exec(w, command, tty, in, out, err);
        } catch (ProviderFailure f) {
            if (f.kind() == ProviderFailure.Kind.UNAVAILABLE) {
                throw unavailable(f);
            }
            throw new AsymException(ErrorCode.CLONE_NOT_FOUND, "Can't run `" + String.join(" ", command) + "` in "
                    + w.name() + ": " + f.getMessage() + ". Is the clone running? See `asymmetric status`.");
        }
    }

    /**
     * The running workload of a shared data-plane service ({@code postgres}, {@code redis}: labelled
     * {@link Labels#SHARED}, used by every home on the engine); empty when none runs.
     */
    public Optional<Workload> shared(String which) {
        try {
            return provider.get().list().stream().filter(w -> which.equals(w.label(Labels.SHARED)) && w.running())
                    .findFirst();
        } catch (ProviderFailure f) {
            throw unavailable(f);
        }
    }

    /** Of these images, the ones not present where clones run. */
    public List<String> missingImages(Collection<String> images) {
        try {
            return provider.get().missingImages(images);
        } catch (ProviderFailure f) {
            throw unavailable(f);
        }
    }

    /** The engine's version line, or its named error. */
    public String engineVersion() {
        return provider.get().ping();
    }

    private List<Workload> ours() {
        try {
            return provider.get().list().stream().filter(w -> home.equals(w.label(Labels.HOME))).toList();
        } catch (ProviderFailure f) {
            throw unavailable(f);
        }
    }

    private AsymException unavailable(ProviderFailure f) {
        Provider p = provider.get();
        return AsymException.unavailable(p.name(), p.target(), f);
    }
}
