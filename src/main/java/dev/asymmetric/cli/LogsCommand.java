package dev.asymmetric.cli;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Template;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code asymmetric logs <id> [-f] [--service S] [--timestamps] [--tail N]}: a clone's container logs. One
 * container: its output as it is. Several: every one read (and with -f followed) at once, each line prefixed with
 * its service as docker compose does ({@code api    | ...}), merged in time order by the engine's timestamps.
 */
@Command(name = "logs", description = "Print a clone's logs: every service's, each line prefixed with its service,"
        + " in time order; -f follows them all.")
final class LogsCommand extends Verb {
    /** When following, how long a quiet container holds back the others' lines (it may still send older ones). */
    private static final Duration QUIET = Duration.ofMillis(200);

    @Parameters(paramLabel = "<id>")
    String id;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until the containers stop or Ctrl-C.")
    boolean follow;

    @Option(names = "--service", paramLabel = "<name>", description = "Only this service's logs (no prefix).")
    String service;

    @Option(names = "--timestamps", description = "Show the engine's timestamp of each line.")
    boolean timestamps;

    @Option(names = "--tail", paramLabel = "<n>", defaultValue = "0", description = "Only the last n lines of each"
            + " container (default: all).")
    int tail;

    @Override
    public Integer call() throws InterruptedException {
        Clone c = requireClone(id);
        List<Workload> found = new ArrayList<>(home().actual().workloads(id, service));
        List<String> order = home().catalog().find(c.spec().template())
                .map(t -> t.services().stream().map(Template.Service::name).toList()).orElse(List.of());
        found.sort(Comparator.comparingInt(w -> order.contains(w.label(Labels.SERVICE))
                ? order.indexOf(w.label(Labels.SERVICE)) : order.size()));
        if (found.size() == 1) {
            TrackedOutput to = new TrackedOutput(stdout());
            try {
                home().actual().logs(found.get(0), follow, tail, timestamps, to);
            } catch (RuntimeException e) {
                if (!to.gone()) {
                    throw e;
                }
            }
            return 0;
        }
        return merged(found);
    }

    private int merged(List<Workload> found) throws InterruptedException {
        LogMerge merge = new LogMerge(found.stream().map(Workload::name).toList(), follow ? QUIET : null, System.nanoTime());
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        int width = found.stream().mapToInt(w -> service(w).length()).max().orElse(1);
        for (Workload w : found) {
            Thread t = new Thread(() -> {
                try (LineSink sink = new LineSink(w.name(), merge)) {
                    home().actual().logs(w, follow, tail, true, sink);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    merge.end(w.name());
                }
            }, "logs-" + w.name());
            t.setDaemon(true);
            t.start();
        }
        while (true) {
            for (LogMerge.Line l : merge.ready(System.nanoTime())) {
                String who = found.stream().filter(w -> w.name().equals(l.source())).findFirst().map(LogsCommand::service)
                        .orElse(l.source());
                out().println(String.format("%-" + width + "s | ", who) + (timestamps && !l.stamp().isEmpty()
                        ? l.stamp() + " " : "") + l.text());
            }
            out().flush();
            if (merge.finished() || out().checkError()) {
                break; // every container ended, or whoever read us went away
            }
            Thread.sleep(50);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return 0;
    }

    private static String service(Workload w) {
        String s = w.label(Labels.SERVICE);
        return s == null ? w.name() : s;
    }
}
