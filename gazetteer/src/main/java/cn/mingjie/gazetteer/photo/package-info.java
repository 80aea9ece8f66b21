/**
 * Photos of place-name signs and protection-list entries, stored in PostGIS (bytea) with their type
 * read from the file's magic bytes; every upload and removal is audited on the sign or entry.
 */
package cn.mingjie.gazetteer.photo;
