/**
 * Vietnamese text normalisation for matching names across sheets and files.
 *
 * Two strings that a clerk would call "the same name" get the same key:
 * - any Unicode form (NFC as typed on Windows, NFD as pasted from some PDFs and macOS);
 * - old and new tone-mark placement (Hòa = Hoà, Thủy = Thuỷ, Khỏe = Khoẻ): the tone mark is moved
 *   to the end of its syllable, a position that never distinguishes two Vietnamese words;
 * - upper and lower case;
 * - leading, trailing, repeated, non-breaking and zero-width spaces;
 * - the Icelandic eth (Ð, U+00D0) that legacy Vietnamese keyboards type instead of Đ (U+0110).
 *
 * Other diacritics are kept: "Hoa" and "Hòa" are different names.
 */

/** The five Vietnamese tone marks as combining characters: grave, acute, tilde, hook above, dot below. */
const TONE_MARKS = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]);
const COMBINING = /[\u0300-\u036f]/;
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;

/** Collapses every kind of space to one ASCII space and trims. */
export function collapseSpaces(text: string): string {
  return text.replace(SPACES, " ").trim();
}

/** Moves each syllable's tone mark after its last letter, so placement no longer matters. */
function canonicalTonePlacement(decomposed: string): string {
  let out = "";
  let syllable = "";
  let tone = "";
  const flush = (): void => {
    out += syllable + tone;
    syllable = "";
    tone = "";
  };
  for (const ch of decomposed) {
    if (TONE_MARKS.has(ch)) {
      tone = ch;
    } else if (COMBINING.test(ch) || /\p{L}|\p{N}/u.test(ch)) {
      syllable += ch;
    } else {
      flush();
      out += ch;
    }
  }
  flush();
  return out;
}

/**
 * The matching key of a name: NFC, canonical tone placement, lower case, single spaces.
 * Two names match when their keys are equal. Never shown to users.
 */
export function nameKey(text: string): string {
  const spaced = collapseSpaces(text).replace(/\u00d0/g, "\u0110").replace(/\u00f0/g, "\u0111");
  return canonicalTonePlacement(spaced.normalize("NFD").toLowerCase()).normalize("NFC");
}

/** The name as it should be displayed: NFC with spaces collapsed, otherwise as first written. */
export function displayName(text: string): string {
  return collapseSpaces(text).normalize("NFC");
}

/**
 * A looser key for vocabulary words (headers, flags, posts, qualifications): also drops every
 * diacritic, đ → d, and everything that is not a letter or digit. "Số đảng viên" → "sodangvien".
 */
export function foldKey(text: string): string {
  return collapseSpaces(text)
    .replace(/[\u00d0\u0110]/g, "D")
    .replace(/[\u00f0\u0111]/g, "d")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** Leading words that name a unit's kind; clerks write "Xã Yên Lỗ" and "Yên Lỗ" for the same commune. */
const UNIT_PREFIXES: Record<"province" | "district" | "commune", readonly string[]> = {
  province: ["tỉnh", "thành phố", "tp.", "tp"],
  district: ["huyện", "quận", "thị xã", "thành phố", "tp.", "tp"],
  commune: ["xã", "phường", "thị trấn", "đặc khu"],
};

/**
 * The matching key of a province, district or commune name: `nameKey` without a leading kind word
 * ("Xã Yên Lỗ" and "yên lỗ" match). Village names keep every word ("Khu 1" and "Khối 1" differ).
 */
export function unitKey(level: "province" | "district" | "commune", text: string): string {
  const key = nameKey(text);
  for (const prefix of UNIT_PREFIXES[level]) {
    const p = nameKey(prefix);
    if (key.startsWith(p + " ") && key.length > p.length + 1) return key.slice(p.length + 1).replace(/^\. ?/, "");
  }
  return key;
}
