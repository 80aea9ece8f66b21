/**
 * The administrative-division register (行政区划): 12-digit codes, levels, parents, names and
 * geometry, kept as versions valid in time so that any question can be asked "as of" a date.
 */
package cn.mingjie.geocore.division;
