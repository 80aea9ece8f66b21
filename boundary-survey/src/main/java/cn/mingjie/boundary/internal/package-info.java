/** Implementation details of the boundary module: WKB in/out and grid figures on geo-core's Gauss-Krüger zones. */
package cn.mingjie.boundary.internal;
