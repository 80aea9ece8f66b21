/**
 * Naming, renaming and abolition cases from application (申报) to announcement (公告): the three
 * reports, review, approval with its document number, filing (备案) and announcement deadlines.
 */
package cn.mingjie.gazetteer.approval;
