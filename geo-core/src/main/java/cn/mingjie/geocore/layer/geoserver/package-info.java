/**
 * Publishing the layer catalogue to a GeoServer through its REST API: workspace, PostGIS datastore,
 * feature types (EPSG:4490, FORCE_DECLARED; SQL views with validated parameters), SLD styles, a
 * layer group and GeoWebCache seeding. It is an HTTP <em>client</em> built on java.net.http only;
 * it lives here, beside the catalogue it reads, so that the command line and the web admin page call
 * the same code — serving HTTP remains the web module's alone.
 */
package cn.mingjie.geocore.layer.geoserver;
