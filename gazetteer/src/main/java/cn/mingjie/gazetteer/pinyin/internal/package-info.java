/** The pinyin4j-backed implementation of {@link cn.mingjie.gazetteer.pinyin.PinyinReading}. */
package cn.mingjie.gazetteer.pinyin.internal;
