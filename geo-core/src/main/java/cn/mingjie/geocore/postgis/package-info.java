/**
 * The database: a private PostGIS cluster started from the system binaries when no server is
 * configured, and each module's schema migrations.
 */
package cn.mingjie.geocore.postgis;
