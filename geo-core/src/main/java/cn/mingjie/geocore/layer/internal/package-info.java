/** Implementation details of map layers: the GeoServer REST client. */
package cn.mingjie.geocore.layer.internal;
