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
  return hasOddSpaces(text) ? text.replace(SPACES, " ").trim() : text;
}

/**
 * False when `collapseSpaces` would return the text unchanged: no control character, no space
 * other than single ASCII spaces between words. Most cells are like that, and a scan of char codes
 * is several times cheaper than a regular-expression replace that finds nothing.
 */
function hasOddSpaces(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || text.charCodeAt(i - 1) === 32) return true;
    } else if (
      c < 32 ||
      c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200b) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff
    ) {
      return true;
    }
  }
  return false;
}

/**
 * A bounded cache for a pure function of a string. Names repeat enormously in real sheets (a province
 * on every row, a few hundred family and given names), so each distinct string is normalised
 * once; a cache that fills up is simply emptied, which bounds memory whatever the input.
 */
export function memoize<T = string>(fn: (text: string) => T, limit: number): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      value = fn(text);
      if (cache.size >= limit) cache.clear();
      cache.set(text, value);
    }
    return value;
  };
}

/**
 * `fn` with each distinct text computed once for the life of the returned function, unbounded: for
 * one call of a stage over a whole dataset (the shared bounded caches of `nameKey`, `unitKey` and
 * `personKey` are emptied when full, and a country carries more distinct names than they hold).
 * Its memory goes with the stage.
 */
export function keyEachOnce(fn: (text: string) => string): (text: string) => string {
  return memoize(fn, Infinity);
}

/**
 * Numbers for the keys of texts, for passes over a dataset that only need to tell keys apart: call
 * the result once per pass for the pass's own `(text) => number`, which gives equal numbers exactly
 * for texts with equal `key`s, for as long as the pass keeps it. The tables behind it (number by
 * text, and by key) are shared by the passes of the process, so a text an earlier pass met (a warm
 * re-analysis meets them all) costs one lookup: no key, no second map, no fresh table for the pass.
 * Bounded like `memoize`: a pass that starts when the tables hold `limit` texts or more starts new
 * ones (numbers from 0 again). A pass in progress never sees its tables emptied (its numbers would
 * no longer tell keys apart); they grow by at most its own distinct texts.
 */
export function keyNumbering(key: (text: string) => string, limit: number): () => (text: string) => number {
  let byText = new Map<string, number>();
  let byKey = new Map<string, number>();
  return () => {
    if (byText.size >= limit) {
      byText = new Map();
      byKey = new Map();
    }
    const texts = byText;
    const keys = byKey;
    return (text) => {
      let n = texts.get(text);
      if (n === undefined) {
        const k = key(text);
        n = keys.get(k);
        if (n === undefined) {
          n = keys.size;
          keys.set(k, n);
        }
        texts.set(text, n);
      }
      return n;
    };
  };
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
  return cachedNameKey(text);
}

const cachedNameKey = memoize((text) => {
  let spaced = collapseSpaces(text);
  // Ð and ð (legacy keyboards' Đ and đ) are rare: replaced only when there.
  if (spaced.indexOf("\u00d0") >= 0) spaced = spaced.replace(/\u00d0/g, "\u0110");
  if (spaced.indexOf("\u00f0") >= 0) spaced = spaced.replace(/\u00f0/g, "\u0111");
  // Word by word: tone placement, case and Unicode composition never reach across a space, and a
  // language has few distinct syllables, so most words come straight from the cache. The words'
  // keys joined by single spaces, as `split(" ").map(wordKey).join(" ")` gives them, without the
  // two arrays (a name is keyed once, but a country has ~50,000 distinct names and villages).
  let space = spaced.indexOf(" ");
  if (space < 0) return wordKey(spaced);
  let key = wordKey(spaced.slice(0, space));
  let start = space + 1;
  while ((space = spaced.indexOf(" ", start)) >= 0) {
    key += " " + wordKey(spaced.slice(start, space));
    start = space + 1;
  }
  return key + " " + wordKey(spaced.slice(start));
}, 1 << 17);

const wordKey = memoize(
  (word) => canonicalTonePlacement(word.normalize("NFD").toLowerCase()).normalize("NFC"),
  1 << 16,
);

/** The name as it should be displayed: NFC with spaces collapsed, otherwise as first written. */
export function displayName(text: string): string {
  if (isPlainNfc(text)) return text;
  const collapsed = collapseSpaces(text);
  return isSurelyNfc(collapsed) ? collapsed : collapsed.normalize("NFC");
}

/**
 * `hasOddSpaces` and `isSurelyNfc` in one pass: true when the text is already its display form.
 * The clean pass finds the same in its own scan (`scanCell` in read/clean.ts; a test compares).
 */
export function isPlainNfc(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c > 32) continue;
      if (c < 32 || i === 0 || i === last || text.charCodeAt(i - 1) === 32) return false;
    } else if (c >= 0x300 && (c < 0x1e00 || c > 0x1eff)) {
      return false; // combining marks, odd spaces (U+1680 and up) and other scripts: the slow path
    } else if (c === 0xa0) {
      return false;
    }
  }
  return true;
}

/**
 * True when the text is NFC without asking ICU: every character is below U+0300 (no combining
 * marks) or a precomposed Vietnamese letter (U+1E00–U+1EFF). Such text is how Vietnamese is
 * typed on Windows, so `normalize` is rarely needed. (A test checks every pair of such characters.)
 */
function isSurelyNfc(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x300 && (c < 0x1e00 || c > 0x1eff)) return false;
  }
  return true;
}

/**
 * A looser key for vocabulary words (headers, flags, posts, qualifications): also drops every
 * diacritic, đ → d, and everything that is not a letter or digit. "Số đảng viên" → "sodangvien".
 */
export function foldKey(text: string): string {
  return foldedByTable(text) ?? cachedFoldKey(text);
}

/**
 * `foldKey` works character by character (spaces, marks and punctuation are dropped, a letter
 * becomes at most one ASCII letter; no lower-casing depends on context among the characters kept),
 * so text made of the characters of this table folds by looking each one up: no cache, no
 * `normalize`. Person names are mostly distinct (300,000 office-holders), so the cache missed.
 * Each entry is the character's own `foldKey` (computed once from the definition): the code of its
 * one letter or digit, 0 when it folds to nothing, -1 for characters left to the definition.
 * Covered: Latin-1, Latin Extended-A and -B, the combining marks, Latin Extended Additional (the
 * precomposed Vietnamese letters), general punctuation and spaces. A property test compares.
 */
const FOLD_TABLE_SIZE = 0x2070;
let foldTable: Int16Array | null = null;

function buildFoldTable(): Int16Array {
  const table = new Int16Array(FOLD_TABLE_SIZE).fill(-1);
  const fill = (from: number, to: number): void => {
    for (let c = from; c <= to; c++) {
      const folded = cachedFoldKey(String.fromCharCode(c));
      if (folded.length <= 1) table[c] = folded === "" ? 0 : folded.charCodeAt(0);
    }
  };
  fill(0, 0x24f);
  fill(0x300, 0x36f);
  fill(0x1e00, 0x1eff);
  fill(0x2000, 0x206f);
  return table;
}

/** `foldKey` through the table, or null when the text has a character it does not cover. */
function foldedByTable(text: string): string | null {
  const table = (foldTable ??= buildFoldTable());
  let n = -1; // -1 while the text is its own key (ASCII lower-case letters and digits so far)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= FOLD_TABLE_SIZE) return null;
    const f = table[c];
    if (f === c && c !== 0) {
      if (n >= 0) foldCodes[n++] = c;
      continue;
    }
    if (f < 0) return null;
    if (n < 0) {
      if (foldCodes.length < text.length)
        foldCodes = new Uint16Array(Math.max(text.length, 2 * foldCodes.length));
      for (n = 0; n < i; n++) foldCodes[n] = text.charCodeAt(n);
    }
    if (f > 0) foldCodes[n++] = f;
  }
  if (n < 0) return text;
  // One string made at the end (adding letter by letter made a string per letter).
  return n === 0 ? "" : String.fromCharCode.apply(null, foldCodes.subarray(0, n) as unknown as number[]);
}

/**
 * False when `foldKey(text)` certainly has no `letter` (an ASCII lower-case letter or digit): no
 * character of the text folds to it, by the table, and none is beyond the table. A quick way to
 * rule out a vocabulary word in a person's name without folding it ("kiêm" needs a k).
 */
export function mayFoldToLetter(text: string, letter: string): boolean {
  const table = (foldTable ??= buildFoldTable());
  const code = letter.charCodeAt(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= FOLD_TABLE_SIZE) return true;
    const f = table[c];
    if (f === code || f < 0) return true;
  }
  return false;
}

/**
 * What `foldKey` makes of the character with this UTF-16 code: the code of its one ASCII letter or
 * digit, 0 when it folds to nothing, -1 when only the definition can tell (beyond the table, or a
 * character folding to several letters). `foldKey` works character by character, so the folded text
 * is these codes one after the other.
 */
export function foldCodeOf(c: number): number {
  const table = (foldTable ??= buildFoldTable());
  return c < FOLD_TABLE_SIZE ? table[c] : -1;
}

/** True when the character folds to an ASCII letter (`foldCodeOf`); every such character is a letter (a test checks). */
export function foldsToLetter(c: number): boolean {
  const f = foldCodeOf(c);
  return f >= 97 && f <= 122;
}

/**
 * True when the text's first two characters fold to letters, as names begin ("Nguyễn", "Đặng",
 * "Ông"): the cheap sure case of "this text has two letters in a row", asked before a regular
 * expression decides the rest.
 */
export function startsWithTwoLetters(text: string): boolean {
  return text.length >= 2 && foldsToLetter(text.charCodeAt(0)) && foldsToLetter(text.charCodeAt(1));
}

const A_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The district as read: a cell with no letter and no digit ("-", "/", "—", "…") is how clerks of a
 * province without districts mark the column, so it reads as blank, like an empty cell, and not as
 * a district called "-". Read so on every sheet, in submissions' manifests and in the import log,
 * so a unit is one unit however its file was made.
 */
export function districtOf(text: string | null): string | null {
  return text === null || startsWithTwoLetters(text) || A_LETTER_OR_DIGIT.test(text) ? text : null;
}

/** The folded letters being collected by `foldedByTable` (reused; grown for longer texts). */
let foldCodes = new Uint16Array(64);

const cachedFoldKey = memoize(
  (text) =>
    collapseSpaces(text)
      .replace(/[\u00d0\u0110]/g, "D")
      .replace(/[\u00f0\u0111]/g, "d")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]/g, ""),
  1 << 16,
);

/**
 * Leading words that name a unit's kind, and their short forms, as the header code reads them
 * (`report/scope.ts`): clerks write "Xã Yên Lỗ", "X. Yên Lỗ" and "Yên Lỗ" for one commune,
 * "Thành phố Lạng Sơn", "TP Lạng Sơn" and "TP.Lạng Sơn" for one city, "Huyện đảo Cô Tô" and
 * "H. Cô Tô" for one island district. Compared after `nameKey`, so diacritics count: "Quan Sơn" is
 * not "Quận Sơn", "Phương Sơn" not "Phường Sơn", "Xà Phìn" not "Xã Phìn". Abbreviations of two
 * letters are no Vietnamese syllables; one-letter ones (H., Q., X., P.) count only with their dot.
 * Longer words first ("huyện đảo" before "huyện").
 */
const UNIT_PREFIXES: Record<"province" | "district" | "commune", readonly string[]> = {
  province: ["thành phố", "tỉnh", "tp.", "tp"],
  district: ["huyện đảo", "thành phố", "thị xã", "huyện", "quận", "tp.", "tx.", "tp", "tx", "h.", "q."],
  commune: ["thị trấn", "đặc khu", "phường", "xã", "tt.", "tt", "x.", "p."],
};

/** An abbreviation glued to the name ("tp.lạng sơn", "tt.na sầm", "h.cô tô") gets its space. */
const GLUED_ABBREVIATION = /^(tp|tx|tt|[hqpx])\.(?=\S)/u;

/**
 * The matching key of a province, district or commune name: `nameKey` without a leading kind word
 * or its short form ("Xã Yên Lỗ", "X. Yên Lỗ" and "yên lỗ" match). Village names keep every word
 * ("Khu 1" and "Khối 1" differ).
 */
export function unitKey(level: "province" | "district" | "commune", text: string): string {
  return UNIT_KEYS[level](text);
}

function unitKeyOf(level: "province" | "district" | "commune"): (text: string) => string {
  let prefixes: readonly string[] | null = null;
  return memoize((text) => {
    prefixes ??= UNIT_PREFIXES[level].map((prefix) => nameKey(prefix) + " ");
    const key = nameKey(text);
    // A glued abbreviation gets its space only to be dropped as this level's kind word.
    const spaced = key.replace(GLUED_ABBREVIATION, "$1. ");
    for (const p of prefixes) {
      if (spaced.startsWith(p) && spaced.length > p.length)
        return spaced.slice(p.length).replace(/^\. ?/, "");
    }
    return key;
  }, 1 << 16);
}

const UNIT_KEYS = {
  province: unitKeyOf("province"),
  district: unitKeyOf("district"),
  commune: unitKeyOf("commune"),
};
