package dev.asymmetric.kubernetes;

import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.WorkloadPlan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a plan lands on the cluster and what it is called there (docs/kubernetes.md, "Mapping"): the namespace of
 * its environment ({@code asym-<env>}), of its home when it belongs to none ({@code asym-home-<home id>}), or
 * {@code asym-system} for the shared data plane; object names that are DNS labels; and which of the plan's labels
 * can be Kubernetes labels (the rest become annotations, read back as labels).
 */
final class KubeNames {
    static final String SYSTEM_NAMESPACE = "asym-system";
    static final String ENVIRONMENT_PREFIX = "asym-";
    static final String HOME_PREFIX = "asym-home-";
    /** On namespaces: the environment whose namespace it is (only these are deleted when their last clone goes). */
    static final String ENVIRONMENT = "dev.asymmetric.environment";
    /** On a workload and its pod template: the create it came from; a new one rolls out new pods. */
    static final String INSTANCE = "dev.asymmetric.instance";
    /** On a workload: when it was stopped (scaled to zero by {@code stop}); absent on one only created. */
    static final String STOPPED_AT = "dev.asymmetric.stopped-at";
    /** On a workload: the plan's name, when the object's name had to be shortened. */
    static final String PLAN_NAME = "dev.asymmetric.name";
    static final String CLUSTER_DOMAIN = "cluster.local";
    private static final int DNS_LABEL = 63;
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    private KubeNames() {
    }

    /** The namespace the plan's objects live in. */
    static String namespaceOf(WorkloadPlan plan) {
        if (plan.labels().containsKey(Labels.SHARED)) {
            return SYSTEM_NAMESPACE;
        }
        if (plan.group() != null) {
            return environmentNamespace(plan.group());
        }
        return HOME_PREFIX + plan.labels().getOrDefault(Labels.HOME, "none");
    }

    static String environmentNamespace(String environment) {
        return ENVIRONMENT_PREFIX + environment;
    }

    /** The labels a namespace asymmetric makes carries: managed, and what it is for. */
    static Map<String, String> namespaceLabels(WorkloadPlan plan) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(Labels.MANAGED, "true");
        if (plan.labels().containsKey(Labels.SHARED)) {
            out.put(Labels.SHARED, "true");
        } else if (plan.group() != null) {
            out.put(ENVIRONMENT, plan.group());
        } else {
            out.put(Labels.HOME, plan.labels().getOrDefault(Labels.HOME, "none"));
        }
        return out;
    }

    /** The object name of a plan's Deployment, Service or StatefulSet: its name, shortened with a hash past 63. */
    static String objectName(String planName) {
        if (planName.length() <= DNS_LABEL) {
            return planName;
        }
        String head = planName.substring(0, DNS_LABEL - 13).replaceAll("-+$", "");
        return head + "-" + hash(planName);
    }

    /** The seed ConfigMap of the workload whose object is named {@code objectName}. */
    static String configMapName(String objectName) {
        return objectName(objectName + "-files");
    }

    /** The in-cluster DNS name of a plan's Service. */
    static String serviceHost(WorkloadPlan plan) {
        return objectName(plan.name()) + "." + namespaceOf(plan) + ".svc";
    }

    static boolean labelValue(String value) {
        return value != null && value.length() <= DNS_LABEL && LABEL_VALUE.matcher(value).matches();
    }

    /** The plan's labels that Kubernetes takes as labels. */
    static Map<String, String> labels(Map<String, String> planLabels) {
        Map<String, String> out = new LinkedHashMap<>();
        planLabels.forEach((k, v) -> {
            if (labelValue(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The plan's labels Kubernetes refuses as labels ({@code 3001,3002}, the config parts): annotations instead. */
    static Map<String, String> annotations(Map<String, String> planLabels) {
        Map<String, String> out = new LinkedHashMap<>();
        planLabels.forEach((k, v) -> {
            if (!labelValue(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** What a workload's labels were in the plan: its labels plus its {@code dev.asymmetric.*} annotations. */
    static Map<String, String> planLabels(Map<String, String> labels, Map<String, String> annotations) {
        Map<String, String> out = new LinkedHashMap<>(labels == null ? Map.of() : labels);
        if (annotations != null) {
            annotations.forEach((k, v) -> {
                if (k.startsWith("dev.asymmetric.")) {
                    out.putIfAbsent(k, v);
                }
            });
        }
        return out;
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
