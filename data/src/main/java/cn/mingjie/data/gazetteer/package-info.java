/** Sample loaders of the gazetteer: divisions and GeoNames places into the register, the 潼南 demo lists. */
package cn.mingjie.data.gazetteer;
