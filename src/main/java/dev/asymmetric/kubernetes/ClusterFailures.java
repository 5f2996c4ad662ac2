package dev.asymmetric.kubernetes;

import dev.asymmetric.provider.ProviderFailure;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The API server's answers as {@link ProviderFailure} kinds: no answer, a gateway error or refused credentials are
 * UNAVAILABLE (the reconcilers name it CLUSTER_UNAVAILABLE and retry); 404 NOT_FOUND; AlreadyExists NAME_TAKEN; other
 * conflicts CONFLICT; anything else (a refusal by RBAC, an invalid object) OTHER, with the server's message.
 */
final class ClusterFailures {
    private ClusterFailures() {
    }

    static ProviderFailure of(String doing, RuntimeException e) {
        if (e instanceof ProviderFailure f) {
            return f;
        }
        if (!(e instanceof KubernetesClientException k)) {
            return new ProviderFailure(ProviderFailure.Kind.OTHER, doing + ": " + e.getMessage(), e);
        }
        int code = k.getCode();
        String reason = k.getStatus() == null ? null : k.getStatus().getReason();
        String said = k.getStatus() != null && k.getStatus().getMessage() != null ? k.getStatus().getMessage()
                : rootMessage(k);
        ProviderFailure.Kind kind = switch (code) {
            case 0, 401, 502, 503, 504 -> ProviderFailure.Kind.UNAVAILABLE;
            case 404 -> ProviderFailure.Kind.NOT_FOUND;
            case 409 -> "AlreadyExists".equals(reason) || said.contains("already exists") ? ProviderFailure.Kind.NAME_TAKEN
                    : ProviderFailure.Kind.CONFLICT;
            default -> ProviderFailure.Kind.OTHER;
        };
        String hint = code == 403 ? " (the controller's service account may lack this permission: see"
                + " deploy/kubernetes/rbac.yaml)" : "";
        return new ProviderFailure(kind, doing + ": " + said + hint, e);
    }

    static boolean notFound(RuntimeException e) {
        return e instanceof KubernetesClientException k && k.getCode() == 404;
    }

    static boolean conflict(RuntimeException e) {
        return e instanceof KubernetesClientException k && k.getCode() == 409;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
