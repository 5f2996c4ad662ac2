package dev.asymmetric.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** Runs a command in a running container, its output (and with a TTY, its input) wired to ours; its exit code. */
final class ContainerExec {
    private final DockerEngine engine;

    ContainerExec(DockerEngine engine) {
        this.engine = engine;
    }

    int run(String id, List<String> command, boolean tty, InputStream in, OutputStream out, OutputStream err)
            throws InterruptedException {
        ExecCreateCmdResponse exec;
        try {
            exec = engine.requests().execCreateCmd(id).withCmd(command.toArray(String[]::new)).withAttachStdout(true)
                    .withAttachStderr(true).withAttachStdin(in != null).withTty(tty).exec();
        } catch (RuntimeException e) {
            throw DockerFailures.of("starting `" + String.join(" ", command) + "` in " + Containers.shortId(id), e);
        }
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                try {
                    OutputStream to = frame.getStreamType() == StreamType.STDERR ? err : out;
                    to.write(frame.getPayload());
                    to.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        try {
            var start = engine.streams().execStartCmd(exec.getId()).withTty(tty);
            if (in != null) {
                start.withStdIn(in);
            }
            start.exec(callback).awaitCompletion();
        } catch (InterruptedException e) {
            try {
                callback.close();
            } catch (IOException ignored) {
                // we stop reading; the command goes on in the container until it ends
            }
            throw e;
        } catch (RuntimeException e) {
            throw DockerFailures.of("running `" + String.join(" ", command) + "` in " + Containers.shortId(id), e);
        }
        try {
            Long code = engine.requests().inspectExecCmd(exec.getId()).exec().getExitCodeLong();
            return code == null ? 0 : code.intValue();
        } catch (RuntimeException e) {
            throw DockerFailures.of("reading the exit code of `" + String.join(" ", command) + "`", e);
        }
    }
}
