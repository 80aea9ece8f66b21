/** Pinyin readings of names (used by the homophone rule; romanization builds on it later). */
package cn.mingjie.gazetteer.pinyin;
