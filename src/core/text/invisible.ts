/**
 * Invisible format characters: they show as nothing in Excel but make two names differ. Soft
 * hyphen (U+00AD), combining grapheme joiner (U+034F), Arabic letter mark (U+061C), Mongolian vowel
 * separator (U+180E), zero-width space, non-joiner and joiner, left-to-right and right-to-left marks
 * (U+200B–U+200F), direction embeddings and overrides (U+202A–U+202E), word joiner and invisible
 * operators (U+2060–U+2064), direction isolates and deprecated format characters (U+2066–U+206F),
 * variation selectors (U+FE00–U+FE0F), the byte-order mark / zero-width no-break space (U+FEFF),
 * Hangul and Khmer fillers that show as nothing (U+115F, U+1160, U+17B4, U+17B5, U+3164, U+FFA0),
 * and the tag characters and supplementary variation selectors (U+E0000–U+E03FF, written as a
 * surrogate pair whose first half is U+DB40: the pair is removed whole).
 */

/** The first half of the surrogate pair of U+E0000–U+E03FF (tags, variation selectors 17–256). */
const TAG_PLANE_HIGH = 0xdb40;

/** True for the code of an invisible format character. */
export function isInvisibleCode(c: number): boolean {
  return (
    c === 0xad ||
    c === 0x34f ||
    c === 0x61c ||
    c === 0x115f ||
    c === 0x1160 ||
    c === 0x17b4 ||
    c === 0x17b5 ||
    c === 0x180e ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x206f) ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    c === 0x3164 ||
    c === 0xfeff ||
    c === 0xffa0 ||
    c === TAG_PLANE_HIGH
  );
}

/** True when the text holds an invisible format character. */
export function hasInvisible(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xad && isInvisibleCode(c)) return true;
  }
  return false;
}

/** The text without its invisible format characters (the same string when it has none). */
export function removeInvisible(text: string): string {
  if (!hasInvisible(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isInvisibleCode(c)) out += text[i];
    else if (c === TAG_PLANE_HIGH) i++; // the second half of the pair goes with it
  }
  return out;
}
