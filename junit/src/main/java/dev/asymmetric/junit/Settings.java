package dev.asymmetric.junit;

import java.nio.file.Path;
import java.time.Duration;

/** What one use of the extension asks for, from the annotation or the builder. */
record Settings(Path spec, Reset reset, Duration ttl, boolean keep, Duration timeout) {
    static Settings of(AsymmetricEnvironment a) {
        return new Settings(Path.of(a.spec()), a.reset(), Durations.parse(a.ttl(), "ttl"), a.keep(),
                Durations.parse(a.timeout(), "timeout"));
    }
}
