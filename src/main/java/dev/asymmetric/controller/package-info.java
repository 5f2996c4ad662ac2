/**
 * The daemon: runs the reconcilers under the controller lease with Docker events and a resync, applies the watched
 * spec folder, and serves the REST API, health and metrics on loopback. It writes desired state through the same
 * edits as the verbs; only the reconcilers touch Docker.
 */
package dev.asymmetric.controller;
