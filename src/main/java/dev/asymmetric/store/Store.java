package dev.asymmetric.store;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Codec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.Metadata;
import dev.asymmetric.model.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The state store: one YAML file per object under {@code $ASYM_HOME/state/<kind>s/}, written atomically
 * (temp file, fsync, rename) with compare-and-swap on {@code resourceVersion}. {@code generation} moves only when
 * the spec changes (or deletion is requested). A file that can't be parsed is REGISTRY_CORRUPT and is never
 * overwritten. Every write is announced on the {@link ChangeFeed}.
 */
public final class Store {
    private final Path home;
    private final Codec codec;
    private final Clock clock;
    private final StoreLock lock;
    private final ChangeFeed feed;
    private final java.util.concurrent.atomic.AtomicLong tempCounter = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.Map<Path, Parsed> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    public Store(Path home, Codec codec, Clock clock) {
        this.home = home;
        this.codec = codec;
        this.clock = clock;
        this.lock = new StoreLock(home.resolve("store.lock"));
        this.feed = new ChangeFeed(List.of(dir(Environment.KIND), dir(Clone.KIND), dir(dev.asymmetric.model.SharedService.KIND)));
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

    public <T extends Resource> Optional<T> read(String kind, String name, Class<T> type) {
        Path f = file(kind, name);
        BasicFileAttributes attrs;
        byte[] bytes;
        try {
            attrs = Files.readAttributes(f, BasicFileAttributes.class);
            Parsed cached = parsed.get(f);
            if (cached != null && cached.same(attrs) && type.isInstance(cached.value())) {
                return Optional.of(type.cast(cached.value()));
            }
            bytes = Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            parsed.remove(f);
            return Optional.empty();
        } catch (IOException e) {
            throw AsymException.registryCorrupt(f.toString(), e);
        }
        try {
            T value = codec.yaml().readValue(bytes, type);
            if (value == null || value.metadata() == null || !name.equals(value.metadata().name())) {
                throw new IOException("it does not hold the " + kind + " '" + name + "'");
            }
            parsed.put(f, new Parsed(attrs.fileKey(), attrs.size(), attrs.lastModifiedTime(), value));
            return Optional.of(value);
        } catch (IOException | RuntimeException e) {
            throw AsymException.registryCorrupt(f.toString(), e);
        }
    }

    /**
     * A parsed file, reused while the file is the same one: every write renames a new file into place, so a
     * changed file has another file key (inode), size or modification time. Records are immutable, so sharing
     * them is safe; the cache only saves parsing YAML again.
     */
    private record Parsed(Object fileKey, long size, java.nio.file.attribute.FileTime modified, Resource value) {
        boolean same(BasicFileAttributes a) {
            return java.util.Objects.equals(fileKey, a.fileKey()) && size == a.size() && modified.equals(a.lastModifiedTime());
        }
    }

    /** Every object of a kind, ordered by name. A corrupt file fails the listing with REGISTRY_CORRUPT. */
    public <T extends Resource> List<T> list(String kind, Class<T> type) {
        List<String> names = names(kind);
        List<T> out = new ArrayList<>(names.size());
        for (String n : names) {
            read(kind, n, type).ifPresent(out::add);
        }
        return out;
    }

    public List<String> names(String kind) {
        Path d = dir(kind);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records a new object; fails with {@link Conflict} if one of that kind and name exists. */
    @SuppressWarnings("unchecked")
    public <T extends Resource> T create(T object) {
        Metadata m = object.metadata();
        Metadata fresh = new Metadata(m.name(), m.uid() == null ? UUID.randomUUID().toString() : m.uid(), 1, 1,
                clock.instant(), clock.instant(), null, m.labels());
        T created = (T) object.withMetadata(fresh);
        Path tmp = prepare(created);
        return lock.with(() -> {
            if (Files.exists(file(object.kind(), object.name()))) {
                discard(tmp);
                throw new Conflict(object.key(), 0, -1);
            }
            publish(created, tmp);
            return created;
        });
    }

    /**
     * Records several new objects, their files written and synced in parallel (one sync's latency rather than one
     * per object) before they are renamed into place under the store lock. Objects whose name exists already are
     * skipped; returns those recorded.
     */
    @SuppressWarnings("unchecked")
    public <T extends Resource> List<T> createAll(List<T> objects) {
        List<T> fresh = new ArrayList<>();
        for (T object : objects) {
            Metadata m = object.metadata();
            fresh.add((T) object.withMetadata(new Metadata(m.name(), m.uid() == null ? UUID.randomUUID().toString() : m.uid(),
                    1, 1, clock.instant(), clock.instant(), null, m.labels())));
        }
        List<Path> temps = fresh.parallelStream().map(this::prepare).toList();
        return lock.with(() -> {
            List<T> created = new ArrayList<>();
            for (int i = 0; i < fresh.size(); i++) {
                T o = fresh.get(i);
                if (Files.exists(file(o.kind(), o.name()))) {
                    discard(temps.get(i));
                } else {
                    publish(o, temps.get(i));
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
        Path tmp = prepare(next);
        return lock.with(() -> {
            long now = read(updated.kind(), updated.name(), updated.getClass())
                    .map(r -> r.metadata().resourceVersion()).orElse(0L);
            if (now != expected) {
                discard(tmp);
                throw new Conflict(updated.key(), expected, now);
            }
            publish(next, tmp);
            return next;
        });
    }

    /**
     * Re-reads and applies {@code change} until the write wins. {@code change} may return the object unchanged
     * (nothing is written) or null (nothing is written, null returned). Empty when the object doesn't exist.
     */
    @SuppressWarnings("unchecked")
    public <T extends Resource> Optional<T> mutate(String kind, String name, Class<T> type, UnaryOperator<T> change) {
        for (int attempt = 0; ; attempt++) {
            Optional<T> current = read(kind, name, type);
            if (current.isEmpty()) {
                return current;
            }
            T next = change.apply(current.get());
            if (next == null) {
                return Optional.empty();
            }
            if (next == current.get()) {
                return current;
            }
            try {
                return Optional.of(write(next));
            } catch (Conflict c) {
                if (attempt > 50) {
                    throw c;
                }
                Thread.onSpinWait();
            }
        }
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
        for (int attempt = 0; attempt < 50; attempt++) {
            Optional<T> latest = read(kind, name, type);
            if (latest.isEmpty()) {
                return;
            }
            try {
                delete(latest.get());
                return;
            } catch (Conflict c) {
                // written meanwhile: read again
            }
        }
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
            try {
                Files.deleteIfExists(file(object.kind(), object.name()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            feed.changed(object.key());
            return null;
        });
    }

    /** Runs {@code body} holding the store's write lock: for allocations that must not interleave. */
    <T> T locked(java.util.function.Supplier<T> body) {
        return lock.with(body);
    }

    /** Serialises the object into a fresh temp file beside its target and syncs it to disk. */
    private Path prepare(Resource object) {
        Path target = file(object.kind(), object.name());
        try {
            byte[] bytes = codec.yaml().writeValueAsBytes(object);
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + object.name() + ".tmp-" + ProcessHandle.current().pid() + "-"
                    + tempCounter.incrementAndGet());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException("can't write " + target, e);
        }
    }

    /** Renames a prepared file into place (called holding the store lock) and announces the change. */
    private void publish(Resource object, Path tmp) {
        Path target = file(object.kind(), object.name());
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            discard(tmp);
            throw new UncheckedIOException("can't write " + target, e);
        }
        feed.changed(object.key());
    }

    private static void discard(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // a stray temp file is ignored by every reader (it starts with a dot)
        }
    }
}
