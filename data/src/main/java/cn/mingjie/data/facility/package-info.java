/** Loads the synthetic facility sample (data/sample/facility) and the demo walking network. */
package cn.mingjie.data.facility;
