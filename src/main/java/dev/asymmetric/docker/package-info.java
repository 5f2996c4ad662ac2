/**
 * The only code that speaks to Docker (docker-java over the unix socket or tcp DOCKER_HOST). It builds the client
 * lazily, bounds every call that could hang, labels what it creates, and reports what exists by label. It knows
 * nothing of environments or stores: it takes container plans and returns observations.
 */
package dev.asymmetric.docker;
