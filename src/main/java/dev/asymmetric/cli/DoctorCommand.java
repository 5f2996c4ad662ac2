package dev.asymmetric.cli;

import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorRenderer;
import dev.asymmetric.model.SharedService;
import dev.asymmetric.store.PrivateFiles;
import dev.asymmetric.store.Store;
import dev.asymmetric.store.WriteFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code asymmetric doctor}: a checklist of what asymmetric needs, one mark per line; exit 1 if any fails. */
@Command(name = "doctor", description = "Check Docker, ASYM_HOME, the catalog and the state store.")
final class DoctorCommand extends Verb {
    @Mixin
    JsonOption json;

    record Check(String name, boolean ok, String detail) {
    }

    @Override
    public Integer call() {
        List<Check> checks = new ArrayList<>();
        checks.add(check("Docker engine", () -> home().actual().engineVersion()));
        checks.add(check("ASYM_HOME writable", this::homeWritable));
        checks.add(catalog());
        checks.add(images());
        checks.add(storeReadable());
        checks.addAll(sharedServices());
        boolean allOk = checks.stream().allMatch(Check::ok);
        if (json.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Check c : checks) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("check", c.name());
                m.put("ok", c.ok());
                m.put("detail", c.detail());
                rows.add(m);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", allOk);
            body.put("checks", rows);
            out().println(Json.write(home(), body));
        } else {
            for (Check c : checks) {
                out().println((c.ok() ? Marks.OK : Marks.FAIL) + " " + c.name() + ": " + c.detail());
            }
        }
        return allOk ? 0 : 1;
    }

    /**
     * The catalog's images that are not on the engine: not a failure (they are pulled on first use), but a machine
     * that can't pull must build them first, and this says which.
     */
    private Check images() {
        Map<String, String> byImage = new java.util.TreeMap<>();
        home().catalog().all().values().forEach(t -> t.services().stream().filter(s -> s.image() != null)
                .forEach(s -> byImage.merge(s.image(), t.name(), (a, b) -> a + ", " + b)));
        try {
            List<String> missing = home().actual().missingImages(byImage.keySet());
            if (missing.isEmpty()) {
                return new Check("Catalog images", true, "all " + byImage.size() + " on this engine");
            }
            List<String> named = missing.stream().map(i -> i + " (" + byImage.get(i) + ")").toList();
            return new Check("Catalog images", true, missing.size() + " of " + byImage.size() + " not on this engine,"
                    + " pulled on first use: " + String.join(", ", named) + ". Without a registry, build them first"
                    + " (.ci/images/real-programs.sh builds stand-ins of WireMock, MailDev and Unleash).");
        } catch (AsymException e) {
            return new Check("Catalog images", false, e.line());
        }
    }

    /** The shared Postgres and Redis as the store last saw them (only once some clone needed them). */
    private List<Check> sharedServices() {
        List<Check> out = new ArrayList<>();
        try {
            for (String which : List.of(SharedService.POSTGRES, SharedService.REDIS)) {
                home().store().read(SharedService.KIND, which, SharedService.class).ifPresent(svc -> {
                    boolean ok = svc.ready();
                    String detail = svc.spec().image() + ", " + svc.status().state()
                            + (svc.status().hostPort() == null ? "" : " on 127.0.0.1:" + svc.status().hostPort())
                            + (ok ? "" : ": " + svc.status().message());
                    out.add(new Check("Shared " + which, ok, detail));
                });
            }
        } catch (RuntimeException e) {
            out.add(new Check("Shared data plane", false, ErrorRenderer.asNamed(e).line()));
        }
        return out;
    }

    /** Every record the store can't read, one per line with its fix; the counts of those it can. */
    private Check storeReadable() {
        try {
            Store store = home().store();
            String counts = store.environments().size() + " environment(s), " + store.clones().size() + " clone(s)";
            List<AsymException> unreadable = store.unreadable();
            if (unreadable.isEmpty()) {
                return new Check("State store readable", true, counts);
            }
            StringBuilder sb = new StringBuilder(counts + "; " + unreadable.size() + " record(s) can't be read:");
            unreadable.forEach(e -> sb.append("\n    ").append(e.line()));
            return new Check("State store readable", false, sb.toString());
        } catch (RuntimeException e) {
            return new Check("State store readable", false, ErrorRenderer.asNamed(e).line());
        }
    }

    private String homeWritable() {
        Path home = home().settings().home();
        try {
            PrivateFiles.directories(home);
            Path probe = Files.createTempFile(home, ".doctor", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw WriteFailure.of(home, e);
        }
        return home.toString();
    }

    private Check catalog() {
        try {
            Catalog c = home().catalog();
            int ok = c.all().size();
            if (c.broken().isEmpty()) {
                return new Check("Template catalog", true, ok + " template(s): " + String.join(", ", c.all().keySet()));
            }
            StringBuilder sb = new StringBuilder(ok + " template(s) load, " + c.broken().size() + " broken:");
            for (Catalog.Broken b : c.broken()) {
                sb.append("\n    ").append(b.describe().replace("\n", "\n    "));
            }
            return new Check("Template catalog", false, sb.toString());
        } catch (RuntimeException e) {
            return new Check("Template catalog", false, ErrorRenderer.asNamed(e).line());
        }
    }

    interface Probe {
        String run() throws Exception;
    }

    private static Check check(String name, Probe probe) {
        try {
            return new Check(name, true, probe.run());
        } catch (Exception e) {
            return new Check(name, false, ErrorRenderer.asNamed(e).line());
        }
    }
}
