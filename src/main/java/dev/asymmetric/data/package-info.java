/**
 * The shared data plane's contents, spoken to over the network (JDBC and RESP), never through Docker: a database
 * per clone (migrated and seeded once per template data into a pristine copy, then copied, or swapped in from a
 * copy made in advance) and a key prefix per clone in Redis. Guarantee: every clone database and prefix is marked
 * with the home that owns it, and no call restores, drops or deletes what another home owns.
 */
package dev.asymmetric.data;
