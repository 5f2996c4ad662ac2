package dev.asymmetric.store;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.model.Codec;
import dev.asymmetric.model.Resource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Writes record files, and never one the {@link RecordReader} would refuse: the serialised record is checked against
 * the reader's size limit and parsed back before anything touches the disk. Temp files
 * ({@code .<name>.tmp-<pid>-<n>}, {@code 0600}) are synced before they are renamed into place; a failed write leaves
 * none behind, and those left by a process that died are removed by the next writer in that directory. I/O failures
 * are STORE_WRITE_FAILED saying what to do (full disk, read-only, permissions).
 */
final class RecordWriter {
    /**
     * The most characters one record may take: the YAML reader under {@code Codec.yaml()} (SnakeYAML's default
     * {@link LoaderOptions}, which Jackson's YAML factory uses unless told otherwise) refuses a longer document. Its
     * other limits (nesting depth, name and string lengths) are far beyond any record's shape; the read-back in
     * {@link #prepare} covers them anyway.
     */
    static final int MAX_CODE_POINTS = new LoaderOptions().getCodePointLimit();

    private final Codec codec;
    private final RecordReader reader;
    private final AtomicLong tempCounter = new AtomicLong();
    private final StaleTemps stale = new StaleTemps();

    RecordWriter(Codec codec, RecordReader reader) {
        this.codec = codec;
        this.reader = reader;
    }

    /** A record serialised, checked and synced into a temp file beside its target, ready to be renamed into place. */
    record Prepared(Path target, Path tmp, BasicFileAttributes attrs, Resource value) {
        void discard() {
            RecordWriter.discard(tmp);
        }
    }

    /** An object to write and the file it goes to. */
    record Pending(Path target, Resource value) {
    }

    /**
     * Serialises {@code object}, refuses it if the reader would not read it back (RECORD_TOO_LARGE, or
     * STORE_WRITE_FAILED when it doesn't parse), and writes it to a synced temp file beside {@code target}.
     */
    Prepared prepare(Path target, Resource object) {
        byte[] bytes;
        try {
            bytes = codec.yaml().writeValueAsBytes(object);
        } catch (IOException e) {
            throw AsymException.storeWriteFailed(object.key() + " could not be serialised (" + e.getMessage() + ")",
                    "re-run with --debug and report it", e);
        }
        if (bytes.length > MAX_CODE_POINTS) {
            long codePoints = new String(bytes, StandardCharsets.UTF_8).codePoints().count();
            if (codePoints > MAX_CODE_POINTS) {
                throw AsymException.recordTooLarge(object.key(), codePoints, MAX_CODE_POINTS);
            }
        }
        try {
            reader.parse(bytes, object.kind(), object.name(), object.getClass());
        } catch (IOException | RuntimeException e) {
            throw AsymException.storeWriteFailed(object.key() + " would not read back (" + e.getMessage() + ")",
                    "re-run with --debug and report it", e);
        }
        Path dir = target.getParent();
        try {
            PrivateFiles.directories(dir);
        } catch (IOException e) {
            throw WriteFailure.of(dir, e);
        }
        stale.sweep(dir);
        Path tmp = null;
        try {
            tmp = newTemp(target, object.name());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                PrivateFiles.write(ch, bytes);
                ch.force(true);
            }
            return new Prepared(target, tmp, Files.readAttributes(tmp, BasicFileAttributes.class), object);
        } catch (IOException e) {
            discard(tmp);
            throw WriteFailure.of(target, e);
        }
    }

    /**
     * Prepares several objects in parallel (one sync's latency rather than one per object). If any is refused, the
     * others' temp files are removed before its error is thrown.
     */
    List<Prepared> prepareAll(List<Pending> pending) {
        List<Object> results = pending.parallelStream().map(p -> {
            try {
                return (Object) prepare(p.target(), p.value());
            } catch (RuntimeException e) {
                return e;
            }
        }).toList();
        List<Prepared> ok = new ArrayList<>();
        RuntimeException failed = null;
        for (Object r : results) {
            if (r instanceof Prepared p) {
                ok.add(p);
            } else if (failed == null) {
                failed = (RuntimeException) r;
            }
        }
        if (failed != null) {
            ok.forEach(Prepared::discard);
            throw failed;
        }
        return ok;
    }

    /** A fresh {@code 0600} temp file; a name left by a dead process that had our pid is removed and retried. */
    private Path newTemp(Path target, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = target.resolveSibling("." + name + ".tmp-" + ProcessHandle.current().pid() + "-"
                    + tempCounter.incrementAndGet());
            try {
                PrivateFiles.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 3) {
                    throw e;
                }
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Renames a prepared file into place (the caller holds the store lock); the reader keeps its value. */
    void publish(Prepared p) {
        try {
            try {
                Files.move(p.tmp(), p.target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(p.tmp(), p.target(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            p.discard();
            throw WriteFailure.of(p.target(), e);
        }
        reader.remember(p.target(), p.attrs(), p.value());
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            reader.forget(file);
        } catch (IOException e) {
            throw WriteFailure.of(file, e);
        }
    }

    static void discard(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // a stray temp file is ignored by every reader (it starts with a dot) and swept by the next writer
        }
    }
}
