/**
 * Who is served: community populations and their positions, the plan's indicators per town and
 * district, maximal-covering site suggestions and nearest facilities by walking time.
 */
package cn.mingjie.facility.coverage;
