/**
 * Implementation details of the boundary module. {@link cn.mingjie.boundary.internal.GaussKruger} is a
 * stop-gap for geo-core's crs package (not merged yet): GeoTools directly, kept small so that it can
 * be swapped for {@code cn.mingjie.geocore.crs} later.
 */
package cn.mingjie.boundary.internal;
