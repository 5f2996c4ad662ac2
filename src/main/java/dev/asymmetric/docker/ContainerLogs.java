package dev.asymmetric.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.asymmetric.provider.ProviderFailure;
import java.io.IOException;
import java.io.OutputStream;

/** A container's output: the last lines of it, or all of it, followed. */
final class ContainerLogs {
    private final DockerEngine engine;

    ContainerLogs(DockerEngine engine) {
        this.engine = engine;
    }

    /** The last {@code lines} lines the container wrote (stdout and stderr), as text; empty when there are none. */
    String logTail(String id, int lines) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            logs(id, false, lines, false, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ProviderFailure f) {
            if (f.kind() == ProviderFailure.Kind.UNAVAILABLE) {
                throw f;
            }
            return "";
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
    }


    /**
     * Copies a container's logs to {@code out} (with the engine's timestamps if asked); with {@code follow} keeps
     * going until the container stops or the thread is interrupted.
     */
    void logs(String id, boolean follow, int tail, boolean timestamps, OutputStream out) throws InterruptedException {
        var cmd = (follow ? engine.streams() : engine.requests()).logContainerCmd(id).withStdOut(true)
                .withStdErr(true).withFollowStream(follow).withTimestamps(timestamps);
        if (tail > 0) {
            cmd.withTail(tail);
        } else {
            cmd.withTailAll();
        }
        ResultCallback.Adapter<Frame> callback = null;
        try {
            callback = cmd.exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    try {
                        out.write(frame.getPayload());
                        out.flush();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            callback.awaitCompletion();
        } catch (InterruptedException e) {
            closeQuietly(callback);
            throw e;
        } catch (RuntimeException e) {
            throw DockerFailures.of("reading logs of " + Containers.shortId(id), e);
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException ignored) {
            // stopping a stream we no longer read
        }
    }
}
