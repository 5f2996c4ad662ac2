package dev.asymmetric.store;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Codec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.Resource;
import dev.asymmetric.model.SharedService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The state store: one YAML file per object under {@code $ASYM_HOME/state/<kind>s/}, written atomically
 * (temp file, fsync, rename) with compare-and-swap on {@code resourceVersion}. {@code generation} moves only when
 * the spec changes (or deletion is requested). A file that can't be parsed is REGISTRY_CORRUPT when asked for by
 * name, left out of listings (and named by {@link #unreadable}), and never overwritten. Nothing is written that the
 * store could not read back ({@link RecordWriter}). Every write is announced on the {@link ChangeFeed}.
 */
public final class Store {
    private final Path home;
    private final Clock clock;
    private final StoreLock lock;
    private final ChangeFeed feed;
    private final RecordReader reader;
    private final RecordWriter writer;

    public Store(Path home, Codec codec, Clock clock) {
        this.home = home;
        this.clock = clock;
        this.reader = new RecordReader(codec);
        this.writer = new RecordWriter(codec, reader);
        this.lock = new StoreLock(home.resolve("store.lock"));
        this.feed = new ChangeFeed(List.of(dir(Environment.KIND), dir(Clone.KIND), dir(SharedService.KIND)));
    }

    public Path home() {
        return home;
    }

    public Clock clock() {
        return clock;
    }

    public ChangeFeed feed() {
        return feed;
    }

    public Path dir(String kind) {
        return home.resolve("state").resolve(kind + "s");
    }

    public Path file(String kind, String name) {
        return dir(kind).resolve(name + ".yaml");
    }

    public Optional<Environment> environment(String name) {
        return read(Environment.KIND, name, Environment.class);
    }

    public List<Environment> environments() {
        return list(Environment.KIND, Environment.class);
    }

    public Optional<Clone> clone(String id) {
        return read(Clone.KIND, id, Clone.class);
    }

    public List<Clone> clones() {
        return list(Clone.KIND, Clone.class);
    }

    /** The object, empty if there is none; REGISTRY_CORRUPT naming the file if it can't be read. */
    public <T extends Resource> Optional<T> read(String kind, String name, Class<T> type) {
        return reader.read(file(kind, name), kind, name, type);
    }

    /**
     * Every readable object of a kind, ordered by name. A record that can't be read is left out, so one corrupt file
     * never stalls the others; {@link #unreadable} names it.
     */
    public <T extends Resource> List<T> list(String kind, Class<T> type) {
        return reader.list(dir(kind), kind, type).records();
    }

    /** The records of a kind that can't be read now, each as its REGISTRY_CORRUPT error (naming file and fix). */
    public List<AsymException> unreadable(String kind) {
        Class<? extends Resource> type = Environment.KIND.equals(kind) ? Environment.class
                : Clone.KIND.equals(kind) ? Clone.class : SharedService.class;
        return reader.list(dir(kind), kind, type).unreadable();
    }

    /** {@link #unreadable(String)} of every kind: environments, clones, shared services. */
    public List<AsymException> unreadable() {
        return java.util.stream.Stream.of(Environment.KIND, Clone.KIND, SharedService.KIND)
                .flatMap(k -> unreadable(k).stream()).toList();
    }

    /** The names of a kind's records (files {@code <name>.yaml}, temp files left out), sorted. */
    public List<String> names(String kind) {
        return RecordReader.names(dir(kind));
    }

    /** Records a new object; fails with {@link Conflict} if one of that kind and name exists. */
    public <T extends Resource> T create(T object) {
        List<T> created = createAll(List.of(object));
        if (created.isEmpty()) {
            throw new Conflict(object.key(), 0, -1);
        }
        return created.get(0);
    }

    /**
     * Records several new objects, their files written and synced in parallel (one sync's latency rather than one
     * per object) before they are renamed into place under the store lock. Objects whose name exists already are
     * skipped; returns those recorded.
     */
    public <T extends Resource> List<T> createAll(List<T> objects) {
        List<T> fresh = objects.stream().map(this::fresh).toList();
        List<RecordWriter.Prepared> temps = writer.prepareAll(fresh.stream()
                .map(o -> new RecordWriter.Pending(file(o.kind(), o.name()), o)).toList());
        return locked(temps, () -> {
            List<T> created = new ArrayList<>();
            for (int i = 0; i < fresh.size(); i++) {
                T o = fresh.get(i);
                if (Files.exists(file(o.kind(), o.name()))) {
                    temps.get(i).discard();
                } else {
                    publish(temps.get(i));
                    created.add(o);
                }
            }
            return created;
        });
    }

    /**
     * Writes {@code updated} if the stored object still has {@code updated}'s resourceVersion; bumps it, and the
     * generation when the spec changed or deletion was first requested.
     *
     * <p>Optimistic: the new file is written and synced outside the store lock, which is held only to check the
     * resourceVersion again and rename the file into place — so writers of different objects don't queue behind
     * each other's fsync.
     *
     * @throws Conflict when the stored object moved on, or was deleted
     */
    @SuppressWarnings("unchecked")
    public <T extends Resource> T write(T updated) {
        T current = (T) read(updated.kind(), updated.name(), updated.getClass())
                .orElseThrow(() -> new Conflict(updated.key(), updated.metadata().resourceVersion(), 0));
        long expected = updated.metadata().resourceVersion();
        if (current.metadata().resourceVersion() != expected) {
            throw new Conflict(updated.key(), expected, current.metadata().resourceVersion());
        }
        boolean specChanged = !current.spec().equals(updated.spec())
                || (current.metadata().deletionRequestedAt() == null && updated.metadata().deletionRequestedAt() != null);
        if (!specChanged && current.status().equals(updated.status()) && current.metadata().equals(updated.metadata())) {
            return current;
        }
        T next = (T) updated.withMetadata(updated.metadata().nextWrite(specChanged, clock.instant()));
        RecordWriter.Prepared tmp = prepare(next);
        return locked(List.of(tmp), () -> {
            long now = read(updated.kind(), updated.name(), updated.getClass())
                    .map(r -> r.metadata().resourceVersion()).orElse(0L);
            if (now != expected) {
                throw new Conflict(updated.key(), expected, now);
            }
            publish(tmp);
            return next;
        });
    }

    /**
     * Re-reads and applies {@code change} until the write wins. {@code change} may return the object unchanged
     * (nothing is written) or null (nothing is written, null returned). Empty when the object doesn't exist.
     */
    public <T extends Resource> Optional<T> mutate(String kind, String name, Class<T> type, UnaryOperator<T> change) {
        return Retries.mutate(this, kind, name, type, change);
    }

    /**
     * The first phase of a two-phase delete: stamps {@code deletionRequestedAt} (once; later calls change nothing).
     * The owning reconciler does the rest and finally {@link #deleteLatest}s the record. Empty if it is gone.
     */
    public <T extends Resource> Optional<T> requestDeletion(String kind, String name, Class<T> type) {
        return mutate(kind, name, type, r -> r.metadata().deleting() ? r
                : type.cast(r.withMetadata(r.metadata().withDeletionRequestedAt(clock.instant()))));
    }

    /** The last phase of a delete: removes the record as it stands now, re-reading if a status write races it. */
    public <T extends Resource> void deleteLatest(String kind, String name, Class<T> type) {
        Retries.deleteLatest(this, kind, name, type);
    }

    /** Deletes the object if it still has {@code object}'s resourceVersion (the last step of a delete). */
    public void delete(Resource object) {
        lock.with(() -> {
            Optional<? extends Resource> current = read(object.kind(), object.name(), object.getClass());
            if (current.isEmpty()) {
                return null;
            }
            long expected = object.metadata().resourceVersion();
            if (current.get().metadata().resourceVersion() != expected) {
                throw new Conflict(object.key(), expected, current.get().metadata().resourceVersion());
            }
            writer.delete(file(object.kind(), object.name()));
            feed.changed(object.key());
            return null;
        });
    }

    /** Runs {@code body} holding the store's write lock: for allocations that must not interleave. */
    <T> T locked(java.util.function.Supplier<T> body) {
        return lock.with(body);
    }

    /**
     * Runs {@code body} holding the store lock over prepared files; if anything fails (a conflict, the lock itself)
     * the temp files not yet renamed into place are removed.
     */
    private <T> T locked(List<RecordWriter.Prepared> temps, java.util.function.Supplier<T> body) {
        try {
            return lock.with(body);
        } catch (RuntimeException e) {
            temps.forEach(RecordWriter.Prepared::discard);
            throw e;
        }
    }

    /** Serialises, checks and syncs the object into a temp file beside its target (outside the lock). */
    private RecordWriter.Prepared prepare(Resource object) {
        return writer.prepare(file(object.kind(), object.name()), object);
    }

    @SuppressWarnings("unchecked")
    private <T extends Resource> T fresh(T object) {
        return (T) object.withMetadata(object.metadata().firstRecorded(clock.instant()));
    }

    /** Renames a prepared file into place (called holding the store lock) and announces the change. */
    private void publish(RecordWriter.Prepared p) {
        writer.publish(p);
        feed.changed(p.value().key());
    }
}
