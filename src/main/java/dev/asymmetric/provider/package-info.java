/**
 * The provider seam: where clones run. {@link dev.asymmetric.provider.Provider} is what reconcilers call; its types
 * (plans, observations, failures, labels) know nothing of Docker or Kubernetes. Implementations live in their own
 * packages ({@code docker}, {@code kubernetes}); tests use a fake.
 */
package dev.asymmetric.provider;
