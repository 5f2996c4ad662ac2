package dev.asymmetric.config;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The canonical form of an {@code ASYM_HOME}, so one folder is one home however it is reached: its real path when
 * it exists, else the real path of its nearest existing parent plus the rest. A home that is a file (or sits under
 * one), or a symlink to nothing, is {@code CONFIG_INVALID} with the fix, before any verb tries to write there.
 */
final class HomePath {
    private HomePath() {
    }

    /** @throws AsymException CONFIG_INVALID when the path can't be a home directory */
    static Path canonical(Path home) {
        Path abs = home.toAbsolutePath().normalize();
        Path existing = abs;
        Deque<String> rest = new ArrayDeque<>();
        while (existing.getParent() != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            rest.push(existing.getFileName().toString());
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (NoSuchFileException e) {
            throw invalid(abs, existing + " is a symlink to a missing path; fix or remove the link, or point ASYM_HOME"
                    + " at a directory");
        } catch (IOException e) {
            throw invalid(abs, existing + " can't be resolved (" + e.getMessage() + "); point ASYM_HOME at a directory");
        }
        if (!Files.isDirectory(real)) {
            throw invalid(abs, (existing.equals(abs) ? "it is a file, not a directory" : existing + " is a file, not a"
                    + " directory") + "; point ASYM_HOME at a directory (it is created if missing), or move the file away");
        }
        for (String name : rest) {
            real = real.resolve(name);
        }
        return real;
    }

    private static AsymException invalid(Path home, String why) {
        return new AsymException(ErrorCode.CONFIG_INVALID, "The home directory " + home
                + " (ASYM_HOME; default ~/.asymmetric) can't be used: " + why + ".");
    }
}
