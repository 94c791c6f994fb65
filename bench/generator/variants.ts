import type { Random } from "./random";

/**
 * The variations real clerks produce for one and the same name, which the reader must see
 * through: the old tone-mark placement (Hòa / Hoà), decomposed Unicode pasted from a PDF, stray
 * and non-breaking spaces, capitals, and "Xã" written before a commune's name.
 */

/** New-style placements (tone on the second vowel) of the syllables whose placement varies. */
const OLD_TO_NEW: readonly (readonly [string, string])[] = [
  ["òa", "oà"],
  ["óa", "oá"],
  ["ỏa", "oả"],
  ["õa", "oã"],
  ["ọa", "oạ"],
  ["òe", "oè"],
  ["óe", "oé"],
  ["ỏe", "oẻ"],
  ["ọe", "oẹ"],
  ["ùy", "uỳ"],
  ["úy", "uý"],
  ["ủy", "uỷ"],
  ["ũy", "uỹ"],
  ["ụy", "uỵ"],
];

function otherTonePlacement(text: string): string {
  let out = text;
  for (const [old, modern] of OLD_TO_NEW) out = out.split(old).join(modern);
  return out;
}

/** The same name as another clerk might type it; the reader must give both the same key. */
export function variant(random: Random, text: string): string {
  switch (random.int(0, 5)) {
    case 0:
      return otherTonePlacement(text);
    case 1:
      return text.normalize("NFD");
    case 2:
      return ` ${text.replace(" ", "  ")} `;
    case 3:
      return text.replace(" ", "\u00a0");
    case 4:
      return text.toUpperCase();
    default:
      return text.toLowerCase();
  }
}

/** With probability p, a variant of the text; otherwise the text as it is. */
export function maybeVariant(random: Random, p: number, text: string): string {
  return random.chance(p) ? variant(random, text) : text;
}
