/**
 * Media that the modules store for their records (photos of signs, of boundary markers): what a file is,
 * judged from its bytes, never from the name or the type its uploader declares.
 */
package cn.mingjie.geocore.media;
