package dev.asymmetric.model;

/** One service container as last observed: id, image and its digest, and whether its health check passed. */
public record ServiceStatus(String containerId, String image, String imageId, boolean healthy) {
}
