/**
 * The state store under ASYM_HOME: one file per object, atomic writes with compare-and-swap, a change feed
 * (in-process and across processes by file watch), the controller lease (an OS file lock), clone ids and port
 * allocation, and the bounded event logs. Nothing here talks to Docker.
 */
package dev.asymmetric.store;
