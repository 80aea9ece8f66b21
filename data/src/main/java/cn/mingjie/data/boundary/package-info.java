/** Sample loader for the boundary module: derived lines and synthetic markers (data/sample/boundary). */
package cn.mingjie.data.boundary;
