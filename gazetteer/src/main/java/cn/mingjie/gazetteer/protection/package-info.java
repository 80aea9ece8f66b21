/** Historical place-name protection lists (历史地名保护名录) and place-name signs (地名标志, GB 17733). */
package cn.mingjie.gazetteer.protection;
