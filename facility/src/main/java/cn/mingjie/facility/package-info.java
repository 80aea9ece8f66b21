/** Civil-affairs facilities (elder care, cemeteries, funeral services) and their coverage. */
package cn.mingjie.facility;
