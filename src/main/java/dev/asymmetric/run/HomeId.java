package dev.asymmetric.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The id a home's workloads are labelled with: the first 12 hex digits of the SHA-256 of its canonical path. */
public final class HomeId {
    private HomeId() {
    }

    public static String of(Path home) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(home.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
