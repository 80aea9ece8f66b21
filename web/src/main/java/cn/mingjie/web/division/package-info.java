/** HTTP resources for the administrative-division register. */
package cn.mingjie.web.division;
