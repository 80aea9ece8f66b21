/** Exports of the indicators: CSV, and a PDF report with a coverage map (openhtmltopdf, CJK font). */
package cn.mingjie.facility.report;
