package dev.asymmetric.errors;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure with a name and one actionable sentence. Build it through the intent-named factories so the
 * wording of each error lives in one place. {@code details} are machine-readable extras shown under
 * {@code --json} (file, key path, line, ...).
 */
public final class AsymException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> details;

    public AsymException(ErrorCode code, String message) {
        this(code, message, Map.of(), null);
    }

    public AsymException(ErrorCode code, String message, Map<String, Object> details, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** {@code CODE: sentence}, the form every named error prints as. */
    public String line() {
        return code + ": " + getMessage();
    }

    public static AsymException dockerUnavailable(String host, Throwable cause) {
        return new AsymException(ErrorCode.DOCKER_UNAVAILABLE,
                "Docker isn't running. Start it, then retry.",
                Map.of("dockerHost", host, "reason", String.valueOf(rootMessage(cause))), cause);
    }

    /** The runtime where clones run doesn't answer: Docker's engine, or a cluster. */
    public static AsymException unavailable(String provider, String target, Throwable cause) {
        return "docker".equals(provider) ? dockerUnavailable(target, cause) : providerUnavailable(provider, target, cause);
    }

    /** The runtime a provider other than Docker drives (a Kubernetes cluster) doesn't answer. */
    public static AsymException providerUnavailable(String provider, String target, Throwable cause) {
        return new AsymException(ErrorCode.CLUSTER_UNAVAILABLE,
                "The " + provider + " cluster at " + target + " doesn't answer (" + rootMessage(cause) + "). Check the"
                        + " kubeconfig and context (`kubectl cluster-info`), then retry.",
                Map.of("provider", provider, "target", target, "reason", String.valueOf(rootMessage(cause))), cause);
    }

    public static AsymException envNotFound(String name) {
        return new AsymException(ErrorCode.ENV_NOT_FOUND,
                "No environment named '" + name + "'. List them with: asymmetric env status");
    }

    public static AsymException cloneNotFound(String id) {
        return new AsymException(ErrorCode.CLONE_NOT_FOUND,
                "No clone with id '" + id + "'. List them with: asymmetric status");
    }

    public static AsymException templateNotFound(String name, String suggestion) {
        String hint = suggestion == null ? "" : " (did you mean '" + suggestion + "'?)";
        return new AsymException(ErrorCode.TEMPLATE_NOT_FOUND,
                "No template named '" + name + "'" + hint + ". See the catalog with: asymmetric ls --templates",
                suggestion == null ? Map.of("template", name) : Map.of("template", name, "suggestion", suggestion),
                null);
    }

    public static AsymException timeout(Duration waited, String what, String followUp) {
        String after = waited.toMillis() % 1000 == 0 ? waited.toSeconds() + "s" : waited.toMillis() + "ms";
        return new AsymException(ErrorCode.TIMEOUT,
                "Gave up waiting after " + after + " for " + what + "; the desired state is recorded and the next"
                        + " asymmetric command that waits (or a running controller) finishes it. Check on it with: "
                        + followUp);
    }

    public static AsymException interrupted(String what, String followUp) {
        return interrupted(what, "", followUp, null);
    }

    /**
     * Ctrl-C while a verb waited: what was {@code left} ({@code fixture-a1b2 starting, ...}; empty when unknown), the
     * command that checks on it and, when there is one, the command that {@code undo}es what the verb asked for.
     */
    public static AsymException interrupted(String what, String left, String followUp, String undo) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("left", left);
        details.put("followUp", followUp);
        if (undo != null) {
            details.put("undo", undo);
        }
        return new AsymException(ErrorCode.INTERRUPTED,
                "Stopped waiting for " + what + (left.isEmpty() ? "" : " (left: " + left + ")") + "; the desired state"
                        + " is recorded and the next asymmetric command (or a running controller) finishes it. Check on"
                        + " it with: " + followUp + (undo == null ? "" : "; undo it with: " + undo),
                details, null);
    }

    public static AsymException registryCorrupt(String file, Throwable cause) {
        return new AsymException(ErrorCode.REGISTRY_CORRUPT,
                "The state file " + file + " can't be read (" + rootMessage(cause) + "). Move it aside (mv " + file
                        + " " + file + ".corrupt) or fix it; until then asymmetric leaves it out of listings and never"
                        + " overwrites it.",
                Map.of("file", file), cause);
    }

    /** A write under ASYM_HOME failed ({@code what} happened); nothing was changed. {@code fix} is the next step. */
    public static AsymException storeWriteFailed(String what, String fix, Throwable cause) {
        return new AsymException(ErrorCode.STORE_WRITE_FAILED, what + "; " + fix + ". Nothing was changed.",
                Map.of("reason", String.valueOf(rootMessage(cause))), cause);
    }

    /** A record that, written, would be bigger than the store's reader accepts: refused before anything is written. */
    public static AsymException recordTooLarge(String key, long codePoints, long limit) {
        return new AsymException(ErrorCode.RECORD_TOO_LARGE, key + " was not written: stored it would take "
                + codePoints + " characters, over the " + limit + " the store reads back; split it into smaller"
                + " environments (fewer clones each) and retry. Nothing was changed.",
                Map.of("object", key, "size", codePoints, "limit", limit), null);
    }

    /** A REST request refused for its shape (Host, Origin, Content-Type, size, name) before anything was done. */
    public static AsymException requestRefused(String sentence) {
        return new AsymException(ErrorCode.REQUEST_REFUSED, sentence);
    }

    /** {@code controller --specs} names something that can't be the spec folder. */
    public static AsymException specFolderInvalid(String dir, String why) {
        return new AsymException(ErrorCode.SPEC_FOLDER_INVALID, "--specs " + dir + " " + why
                + "; point --specs at an existing directory (or one inside it).", Map.of("specs", dir), null);
    }

    /** Destroying an environment that a spec-folder file defines: the folder would apply the file again. */
    public static AsymException envOwnedByFolder(String name, String file) {
        return new AsymException(ErrorCode.ENV_OWNED_BY_FOLDER, "Environment '" + name + "' is defined by " + file
                + " in a controller's spec folder, which applies it again while the file exists; delete that file"
                + " instead (a running controller then destroys the environment), or run this again once it is gone.",
                Map.of("file", file), null);
    }

    /** A refused spec or template: one problem per line, each naming file, key path and line. */
    public static AsymException invalid(ErrorCode code, String file, List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        if (problems.size() == 1) {
            sb.append(problems.get(0).describe(file)).append(". Fix it and retry.");
        } else {
            sb.append(file).append(" has ").append(problems.size()).append(" problems; fix them and retry:");
            for (Problem p : problems) {
                sb.append("\n  - ").append(p.describe(null));
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", file);
        details.put("problems", problems.stream().map(Problem::asMap).toList());
        return new AsymException(code, sb.toString(), details, null);
    }

    static String rootMessage(Throwable t) {
        if (t == null) {
            return null;
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
