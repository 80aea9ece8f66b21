/** The audit history shared by all modules: who changed what, when and why. */
package cn.mingjie.geocore.audit;
