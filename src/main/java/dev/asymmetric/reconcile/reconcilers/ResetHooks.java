package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Template;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.Workload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Runs a service's reset hook (TEMPLATES.md, Reset) in its running workload: an HTTP request to its endpoint that
 * must answer {@code expect}, or a command that must exit 0; then, if the template says so, the seed's files are
 * copied in again. A hook that fails is CLONE_START_FAILED naming the hook, with the way back: reset --recreate.
 */
final class ResetHooks {
    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration ANSWER = Duration.ofSeconds(60);
    private final Provider provider;

    ResetHooks(Provider provider) {
        this.provider = provider;
    }

    void run(Clone clone, ClonePlanner.ServicePlan p, Workload w) {
        Template.ResetHook hook = p.service().reset();
        if (hook.http() != null) {
            http(clone, p, hook.http());
        } else {
            exec(clone, p, w, hook);
        }
        if (hook.reapplyFiles() && !p.container().files().isEmpty()) {
            try {
                provider.copy(w, p.container().files());
            } catch (ProviderFailure f) {
                throw failed(clone, p, "copying its seed files in again failed: " + f.getMessage());
            }
        }
    }

    /** {@code POST /__admin/reset}: HTTP/1.1, no upgrade (MailDev hangs up on an h2c upgrade request). */
    private void http(Clone clone, ClonePlanner.ServicePlan p, Template.Http h) {
        String endpoint = p.endpoint();
        if (endpoint == null) {
            throw failed(clone, p, "it has no endpoint to send " + h.method() + " " + h.path() + " to");
        }
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) URI.create(endpoint + h.path()).toURL().openConnection();
            c.setRequestMethod(h.method());
            c.setConnectTimeout((int) CONNECT.toMillis());
            c.setReadTimeout((int) ANSWER.toMillis());
            c.setUseCaches(false);
            c.setInstanceFollowRedirects(false);
            if (!"GET".equals(h.method()) && !"DELETE".equals(h.method())) {
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(0);
                c.getOutputStream().close();
            }
            int code = c.getResponseCode();
            if (code != h.expect()) {
                throw failed(clone, p, h.method() + " " + h.path() + " answered " + code + ", not " + h.expect()
                        + body(c));
            }
        } catch (IOException e) {
            throw failed(clone, p, h.method() + " " + h.path() + " failed: " + e.getMessage());
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    private void exec(Clone clone, ClonePlanner.ServicePlan p, Workload w, Template.ResetHook hook) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            code = provider.exec(w, hook.exec(), false, null, out, out);
        } catch (ProviderFailure f) {
            throw failed(clone, p, "`" + String.join(" ", hook.exec()) + "` could not run: " + f.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AsymException.interrupted("the reset hook of " + clone.id(), "asymmetric status");
        }
        if (code != 0) {
            String said = out.toString(StandardCharsets.UTF_8).strip();
            throw failed(clone, p, "`" + String.join(" ", hook.exec()) + "` exited with code " + code
                    + (said.isEmpty() ? "" : " (" + last(said) + ")"));
        }
    }

    private static AsymException failed(Clone clone, ClonePlanner.ServicePlan p, String what) {
        return new AsymException(ErrorCode.CLONE_START_FAILED, "the reset hook of service " + p.service().name() + ": "
                + what + ". Recreate the clone instead with: asymmetric reset --recreate " + clone.id());
    }

    private static String body(HttpURLConnection c) {
        try (InputStream in = c.getErrorStream() != null ? c.getErrorStream() : c.getInputStream()) {
            String b = new String(in.readNBytes(300), StandardCharsets.UTF_8).strip();
            return b.isEmpty() ? "" : " (" + last(b) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static String last(String text) {
        String one = text.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(one.length() - 200) : one;
    }
}
