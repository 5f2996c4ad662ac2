/**
 * The shared data plane's contents, spoken to over the network (JDBC and RESP), never through Docker: a database
 * per clone (create, migrate, seed, drop) and a key prefix per clone in Redis.
 */
package dev.asymmetric.data;
