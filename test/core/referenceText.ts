/**
 * Plain definitions of the text keys, written the slow and obvious way, for the tests that check
 * the fast, cached implementations in `src/core/text/normalize.ts` against them.
 */

/** The five Vietnamese tone marks as combining characters: grave, acute, tilde, hook above, dot below. */
const TONE_MARKS = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]);

/**
 * Each syllable's tone mark moved after its last letter (or digit), in decomposed text: a syllable
 * is a run of letters, digits and combining marks; any other character ends it.
 */
export function referenceTonePlacement(decomposed: string): string {
  let out = "";
  let syllable = "";
  let tone = "";
  for (const ch of decomposed) {
    if (TONE_MARKS.has(ch)) tone = ch;
    else if (/[\u0300-\u036f]/.test(ch) || /\p{L}|\p{N}/u.test(ch)) syllable += ch;
    else {
      out += syllable + tone + ch;
      syllable = "";
      tone = "";
    }
  }
  return out + syllable + tone;
}
