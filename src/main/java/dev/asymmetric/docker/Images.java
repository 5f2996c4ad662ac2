package dev.asymmetric.docker;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.WorkloadPlan;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Images for containers: present or pulled, built from a template's directory, and seeded (a base image with a
 * seed's files added, built once per content and tagged by its hash). Remembers what it saw present in this process.
 */
final class Images {
    private static final int PULL_MINUTES = 10;
    private final DockerEngine engine;

    /** Images seen present in this process; a create that finds one gone anyway drops it and pulls. */
    private final java.util.Set<String> present = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, String> imageIds = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Object> seeding = new java.util.concurrent.ConcurrentHashMap<>();

    Images(DockerEngine engine) {
        this.engine = engine;
    }

    /** Forgets what was seen present (an image went away under us). */
    void forget() {
        present.clear();
        imageIds.clear();
    }

    /** The image a container of the plan is created from: the plan's own, or its seeded image when it has files. */
    String imageFor(WorkloadPlan plan) {
        return plan.files().isEmpty() ? plan.image() : seededImage(plan);
    }

    /**
     * The plan's image with its files already in place: built once per base image and file content (a container
     * created from the base, the files copied in, committed under a content-addressed tag), so every clone of a
     * seed starts from it without a copy of its own, and a reset recreates from exactly the same files.
     */
    private String seededImage(WorkloadPlan plan) {
        String baseId = imageId(plan.image());
        java.nio.file.Path tar = null;
        try {
            tar = java.nio.file.Files.createTempFile("asym-seed-", ".tar");
            String hash;
            try {
                java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
                md.update(baseId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (java.io.OutputStream out = new java.security.DigestOutputStream(java.nio.file.Files.newOutputStream(tar), md)) {
                    Archives.drops(plan.files(), out);
                }
                hash = java.util.HexFormat.of().formatHex(md.digest()).substring(0, 16);
            } catch (IOException e) {
                throw new ProviderFailure(ProviderFailure.Kind.OTHER, "packing seed files for " + plan.name() + ": " + e.getMessage(), e);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            return seededImage(plan, hash, tar);
        } catch (IOException e) {
            throw new ProviderFailure(ProviderFailure.Kind.OTHER, "packing seed files for " + plan.name() + ": " + e.getMessage(), e);
        } finally {
            if (tar != null) {
                try {
                    java.nio.file.Files.deleteIfExists(tar);
                } catch (IOException ignored) {
                    // a temp file the OS cleans up
                }
            }
        }
    }


    private String seededImage(WorkloadPlan plan, String hash, java.nio.file.Path tar) throws IOException {
        String repository = "asym-seeded/" + plan.labels().getOrDefault(Labels.TEMPLATE, "template") + "-"
                + plan.labels().getOrDefault(Labels.SERVICE, "service");
        String tag = repository + ":" + hash;
        if (present.contains(tag)) {
            return tag;
        }
        synchronized (seeding.computeIfAbsent(tag, k -> new Object())) {
            if (present.contains(tag)) {
                return tag;
            }
            try {
                engine.requests().inspectImageCmd(tag).exec();
                present.add(tag);
                return tag;
            } catch (NotFoundException e) {
                // build it below
            } catch (RuntimeException e) {
                throw DockerFailures.of("inspecting image " + tag, e);
            }
            String scratch = null;
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(tar)) {
                scratch = engine.requests().createContainerCmd(plan.image()).withLabels(Map.of(Labels.MANAGED, "seeding"))
                        .exec().getId();
                engine.requests().copyArchiveToContainerCmd(scratch).withRemotePath("/").withTarInputStream(in).exec();
                engine.requests().commitCmd(scratch).withRepository(repository).withTag(hash)
                        .withLabels(Map.of(Labels.MANAGED, "true", "dev.asymmetric.seeded-from", plan.image())).exec();
                present.add(tag);
                return tag;
            } catch (RuntimeException e) {
                throw DockerFailures.of("preparing the seeded image " + tag, e);
            } finally {
                if (scratch != null) {
                    removeQuietly(scratch);
                }
            }
        }
    }


    private String imageId(String image) {
        String known = imageIds.get(image);
        if (known != null) {
            return known;
        }
        try {
            String id = engine.requests().inspectImageCmd(image).exec().getId();
            imageIds.put(image, id);
            return id;
        } catch (RuntimeException e) {
            throw DockerFailures.of("inspecting image " + image, e);
        }
    }


    /** Makes sure the image is present: pulls it when missing. */
    void ensureImage(String image) {
        if (present.contains(image)) {
            return;
        }
        try {
            engine.requests().inspectImageCmd(image).exec();
            present.add(image);
            return;
        } catch (NotFoundException e) {
            // not here: pull below
        } catch (RuntimeException e) {
            throw DockerFailures.of("inspecting image " + image, e);
        }
        try {
            boolean done = engine.streams().pullImageCmd(image).start().awaitCompletion(PULL_MINUTES, TimeUnit.MINUTES);
            if (!done) {
                throw new ProviderFailure(ProviderFailure.Kind.IMAGE_MISSING, "pulling " + image + " took over "
                        + PULL_MINUTES + " minutes", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure(ProviderFailure.Kind.IMAGE_MISSING, "interrupted while pulling " + image, e);
        } catch (ProviderFailure e) {
            throw e;
        } catch (RuntimeException e) {
            ProviderFailure f = DockerFailures.of("pulling " + image, e);
            if (f.kind() == ProviderFailure.Kind.UNAVAILABLE && !(e.getCause() instanceof java.net.UnknownHostException)) {
                throw f;
            }
            throw new ProviderFailure(ProviderFailure.Kind.IMAGE_MISSING, "image " + image
                    + " is not on this engine and could not be pulled (" + DockerFailures.message(e) + ")", e);
        }
    }


    /** Builds {@code context} (a directory holding a Dockerfile) as {@code tag} unless the tag exists. */
    void buildIfMissing(java.nio.file.Path context, String tag) {
        try {
            engine.requests().inspectImageCmd(tag).exec();
            return;
        } catch (NotFoundException e) {
            // build below
        } catch (RuntimeException e) {
            throw DockerFailures.of("inspecting image " + tag, e);
        }
        java.nio.file.Path tar = null;
        try {
            tar = java.nio.file.Files.createTempFile("asym-build-", ".tar");
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(tar)) {
                Archives.directory(context, out);
            }
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(tar)) {
                engine.streams().buildImageCmd().withTarInputStream(in)
                        .withTags(java.util.Set.of(tag)).start().awaitImageId(PULL_MINUTES, TimeUnit.MINUTES);
            }
        } catch (IOException e) {
            throw new ProviderFailure(ProviderFailure.Kind.OTHER, "packing build context " + context + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw DockerFailures.of("building " + tag, e);
        } finally {
            if (tar != null) {
                try {
                    java.nio.file.Files.deleteIfExists(tar);
                } catch (IOException ignored) {
                    // a temp file the OS cleans up
                }
            }
        }
    }


    private void removeQuietly(String id) {
        try {
            engine.requests().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (RuntimeException gone) {
            // a scratch container; the next build makes a new one
        }
    }
}
