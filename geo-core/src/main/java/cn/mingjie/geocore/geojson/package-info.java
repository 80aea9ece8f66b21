/**
 * GeoJSON (RFC 7946) in and out of JTS in CGCS2000 lon/lat (SRID 4490), with validation that
 * reports every problem at its JSON pointer as a {@link cn.mingjie.geocore.edit.ValidationException}
 * whose message keys are listed in {@code i18n/geocore-messages*.properties}.
 */
package cn.mingjie.geocore.geojson;
