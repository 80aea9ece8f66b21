/**
 * Boundary lines, markers, joint inspections, checks and disputes over HTTP (/api/v1/boundary). Every
 * endpoint needs a signed-in user; writes need BOUNDARY_INSPECTOR, updates an If-Match.
 */
package cn.mingjie.web.boundary;
