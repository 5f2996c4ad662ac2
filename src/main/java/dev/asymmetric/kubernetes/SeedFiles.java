package dev.asymmetric.kubernetes;

import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.WorkloadPlan;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A plan's seed files as one ConfigMap (text as {@code data}, anything else as {@code binaryData}), copied by an
 * init container into an emptyDir, and one {@code subPath} mount of that copy per file at its target path: each file
 * lands inside the image's directories without hiding what the image has there, writable and with its mode (0755
 * for executables), as Docker's copy into the container does. A ConfigMap holds at most 1 MiB: seeds over
 * {@link #LIMIT} bytes are refused naming the sizes.
 */
final class SeedFiles {
    /** What the files may add up to: the API server refuses a ConfigMap over 1 MiB, metadata included. */
    static final long LIMIT = 1_000_000;
    static final String SOURCE = "seed-source";
    static final String VOLUME = "seed-files";
    /** The init container that copies the files out of the read-only ConfigMap volume (it needs {@code sh} and {@code cp}). */
    static final String COPIER_IMAGE = "busybox:1.36";

    /** One file: its key in the ConfigMap, bytes, absolute target path, and whether it is executable. */
    record Entry(String key, byte[] bytes, String target, boolean executable) {
    }

    private final List<Entry> entries;

    private SeedFiles(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads the plan's files; refuses them when they don't fit a ConfigMap. */
    static SeedFiles of(WorkloadPlan plan) {
        List<Entry> out = new ArrayList<>();
        long total = 0;
        try {
            for (WorkloadPlan.FileDrop d : plan.files()) {
                String base = d.target().replaceAll("/+$", "");
                List<Path> files;
                if (Files.isDirectory(d.source())) {
                    try (Stream<Path> s = Files.walk(d.source())) {
                        files = s.filter(Files::isRegularFile).sorted().toList();
                    }
                } else {
                    files = List.of(d.source());
                }
                for (Path f : files) {
                    String target = Files.isDirectory(d.source())
                            ? base + "/" + d.source().relativize(f).toString().replace('\\', '/') : base;
                    byte[] bytes = Files.readAllBytes(f);
                    total += bytes.length;
                    out.add(new Entry(key(out.size(), f), bytes, target, Files.isExecutable(f)));
                }
            }
        } catch (IOException e) {
            throw new ProviderFailure(ProviderFailure.Kind.OTHER, "reading seed files for " + plan.name() + ": "
                    + e.getMessage(), e);
        }
        if (total > LIMIT) {
            throw new ProviderFailure(ProviderFailure.Kind.OTHER, "the seed files of " + plan.name() + " add up to "
                    + total + " bytes; on Kubernetes they travel in a ConfigMap, which holds at most " + LIMIT
                    + " bytes (docs/kubernetes.md, \"Seed files\")", null);
        }
        return new SeedFiles(out);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    ConfigMap configMap(String name, String namespace, Map<String, String> labels) {
        Map<String, String> data = new LinkedHashMap<>();
        Map<String, String> binary = new LinkedHashMap<>();
        for (Entry e : entries) {
            String text = utf8(e.bytes());
            if (text != null) {
                data.put(e.key(), text);
            } else {
                binary.put(e.key(), Base64.getEncoder().encodeToString(e.bytes()));
            }
        }
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .endMetadata().withData(data).withBinaryData(binary).build();
    }

    /** The ConfigMap's volume (read-only, each file with its mode) and the writable emptyDir the files are copied to. */
    List<Volume> volumes(String configMapName) {
        List<KeyToPath> items = entries.stream().map(e -> new KeyToPathBuilder().withKey(e.key()).withPath(e.key())
                .withMode(e.executable() ? 0755 : 0644).build()).toList();
        return List.of(new VolumeBuilder().withName(SOURCE).withNewConfigMap().withName(configMapName).withItems(items)
                .endConfigMap().build(), new VolumeBuilder().withName(VOLUME).withNewEmptyDir().endEmptyDir().build());
    }

    /** Copies every file, following the ConfigMap volume's links and keeping their modes. */
    Container copier() {
        return new ContainerBuilder().withName("seed-files").withImage(COPIER_IMAGE).withImagePullPolicy("IfNotPresent")
                .withCommand("sh", "-c", "cp -pL /" + SOURCE + "/* /" + VOLUME + "/")
                .withVolumeMounts(new VolumeMountBuilder().withName(SOURCE).withMountPath("/" + SOURCE).withReadOnly(true)
                        .build(), new VolumeMountBuilder().withName(VOLUME).withMountPath("/" + VOLUME).build())
                .build();
    }

    List<VolumeMount> mounts() {
        return entries.stream().map(e -> new VolumeMountBuilder().withName(VOLUME).withMountPath(e.target())
                .withSubPath(e.key()).build()).toList();
    }

    /** {@code f3-index.html}: unique by position, readable by name, within a ConfigMap key's alphabet. */
    private static String key(int index, Path file) {
        String name = file.getFileName().toString().replaceAll("[^-._a-zA-Z0-9]", "_");
        String key = "f" + index + "-" + name;
        return key.length() > 200 ? key.substring(0, 200) : key;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
