/**
 * Romanization of Chinese place names (GB/T 16159-2012 and the rules for spelling Chinese place names
 * in Hanyu Pinyin): 专名 and 通名 written separately and capitalized, apostrophes before a/o/e
 * syllables, with or without tone marks, place-name readings of polyphonic characters from an
 * extendable dictionary, and an explicit ambiguity flag instead of a silent guess.
 */
package cn.mingjie.gazetteer.romanization;
