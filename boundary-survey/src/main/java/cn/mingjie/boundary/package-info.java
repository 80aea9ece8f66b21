/** Administrative boundary lines (行政区域界线), markers (界桩), joint inspections (联检) and disputes. */
package cn.mingjie.boundary;
