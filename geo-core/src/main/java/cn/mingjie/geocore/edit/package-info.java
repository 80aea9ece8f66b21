/**
 * What every write shares: who and why ({@link cn.mingjie.geocore.edit.ChangeContext}), NFC text,
 * and the domain exceptions that the web layer turns into problem+json answers.
 */
package cn.mingjie.geocore.edit;
