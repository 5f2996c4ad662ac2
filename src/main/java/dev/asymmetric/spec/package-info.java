/**
 * Reading what users write, strictly: a located YAML tree that refuses hostile input, a strict-map reader that
 * records every problem with its key path and line, and the environment.yaml reader built on them. Nothing here
 * writes state or talks to Docker.
 */
package dev.asymmetric.spec;
