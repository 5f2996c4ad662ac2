/**
 * The daemon: runs the reconcilers under the controller lease with Docker events and a resync, applies the watched
 * spec folder, and serves the REST API, health and metrics on loopback. It writes desired state through the same
 * edits as the verbs; only the reconcilers touch Docker. The API answers only requests for its own loopback host,
 * takes writes only from no origin or its own, and bounds how long any client may take; the folder reads only
 * regular files inside it.
 */
package dev.asymmetric.controller;
