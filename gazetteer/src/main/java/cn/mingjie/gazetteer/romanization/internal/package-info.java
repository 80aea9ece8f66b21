/** Base readings from HanLP's pinyin dictionary and resource loading for the romanizer. */
package cn.mingjie.gazetteer.romanization.internal;
