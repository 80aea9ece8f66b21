/** The naming rules of 地名管理条例 (2022) Art. 9, checked on every proposal. */
package cn.mingjie.gazetteer.rules;
