/** Helpers shared by the modules' benchmarks (shipped in geo-core's test-jar). */
package cn.mingjie.geocore.bench;
