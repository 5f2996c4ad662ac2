/**
 * The state store under ASYM_HOME: one file per object, atomic writes with compare-and-swap, a change feed
 * (in-process and across processes by file watch), the controller lease (an OS file lock), clone ids and port
 * allocation, and the bounded event logs. Nothing here talks to Docker. It never writes a record its own reader
 * would refuse, one unreadable record never stalls the others, everything it creates is private to the user
 * (0700/0600), and every I/O failure is a named error saying what to do.
 */
package dev.asymmetric.store;
