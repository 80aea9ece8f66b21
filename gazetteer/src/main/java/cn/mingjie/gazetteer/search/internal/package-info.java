/** The Lucene index, its key generation, consistency maintenance and the built-in name sources. */
package cn.mingjie.gazetteer.search.internal;
