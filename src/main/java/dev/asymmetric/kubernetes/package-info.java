/**
 * The Kubernetes provider (docs/kubernetes.md): the only code that speaks to a cluster (fabric8's client, over the
 * JDK's HTTP client). A clone service becomes a Deployment and a Service in its environment's namespace
 * ({@code asym-<env>}), its seed files a ConfigMap, its health a readiness probe; the shared data plane StatefulSets
 * in {@code asym-system}. Also the {@code Environment} custom resource: the controller applies each one as the spec
 * folder applies a file, and writes the environment's status back to it. Nothing here is loaded unless the provider
 * is {@code kubernetes}.
 */
package dev.asymmetric.kubernetes;
