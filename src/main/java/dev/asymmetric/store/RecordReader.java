package dev.asymmetric.store;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.model.Codec;
import dev.asymmetric.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reads record files through the codec's YAML reader, keeping each parse (or its failure) while the file stays the
 * same one. A file that can't be read is REGISTRY_CORRUPT when asked for by name, and left out of listings, which
 * say which files they left out.
 */
final class RecordReader {
    private final Codec codec;
    private final Map<Path, Parsed> parsed = new ConcurrentHashMap<>();

    RecordReader(Codec codec) {
        this.codec = codec;
    }

    /**
     * A parse of one file while it is the same one: every write renames a new file into place, so a changed file has
     * another file key (inode), size or modification time. Records are immutable, so sharing them is safe. A file
     * that failed to parse keeps its error until it changes.
     */
    private record Parsed(Object fileKey, long size, FileTime modified, Resource value, AsymException error) {
        boolean same(BasicFileAttributes a) {
            return Objects.equals(fileKey, a.fileKey()) && size == a.size() && modified.equals(a.lastModifiedTime());
        }
    }

    /** The record in {@code file}; empty if there is none; REGISTRY_CORRUPT if it can't be read. */
    <T extends Resource> Optional<T> read(Path file, String kind, String name, Class<T> type) {
        BasicFileAttributes attrs;
        byte[] bytes;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
            Parsed cached = parsed.get(file);
            if (cached != null && cached.same(attrs)) {
                if (cached.error() != null) {
                    throw cached.error();
                }
                if (type.isInstance(cached.value())) {
                    return Optional.of(type.cast(cached.value()));
                }
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            parsed.remove(file);
            return Optional.empty();
        } catch (IOException e) {
            throw AsymException.registryCorrupt(file.toString(), e);
        }
        try {
            T value = parse(bytes, kind, name, type);
            parsed.put(file, new Parsed(attrs.fileKey(), attrs.size(), attrs.lastModifiedTime(), value, null));
            return Optional.of(value);
        } catch (IOException | RuntimeException e) {
            AsymException corrupt = AsymException.registryCorrupt(file.toString(), e);
            parsed.put(file, new Parsed(attrs.fileKey(), attrs.size(), attrs.lastModifiedTime(), null, corrupt));
            throw corrupt;
        }
    }

    /** Parses a record as the store reads it: the codec's YAML reader, and the file must hold the named object. */
    <T extends Resource> T parse(byte[] bytes, String kind, String name, Class<T> type) throws IOException {
        T value = codec.yaml().readValue(bytes, type);
        if (value == null || value.metadata() == null || !name.equals(value.metadata().name())) {
            throw new IOException("it does not hold the " + kind + " '" + name + "'");
        }
        return value;
    }

    /** Remembers what was just renamed into {@code file} (a rename keeps inode, size and time): no parse next read. */
    void remember(Path file, BasicFileAttributes attrs, Resource value) {
        parsed.put(file, new Parsed(attrs.fileKey(), attrs.size(), attrs.lastModifiedTime(), value, null));
    }

    void forget(Path file) {
        parsed.remove(file);
    }

    /** A listing: the records that could be read, and the REGISTRY_CORRUPT errors of those that couldn't. */
    record Listing<T>(List<T> records, List<AsymException> unreadable) {
    }

    <T extends Resource> Listing<T> list(Path dir, String kind, Class<T> type) {
        List<T> out = new ArrayList<>();
        List<AsymException> bad = new ArrayList<>();
        for (String n : names(dir)) {
            try {
                read(dir.resolve(n + ".yaml"), kind, n, type).ifPresent(out::add);
            } catch (AsymException e) {
                bad.add(e);
            }
        }
        return new Listing<>(out, bad);
    }

    /** The names of the records in {@code dir} ({@code <name>.yaml}, dot files left out), sorted. */
    static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw AsymException.registryCorrupt(dir.toString(), e);
        }
    }
}
