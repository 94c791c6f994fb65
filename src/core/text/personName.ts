import { foldCodeOf, foldKey, keyNumbering, mayFoldToLetter, memoize, nameKey } from "./normalize";
import { isWhiteSpaceCode } from "./whiteSpace";

/**
 * Person names as clerks type them in the name columns: with a form of address ("Đ/c Hoàng Văn
 * E"), as a ditto mark ("nt", "như trên", `"`), or as a note that the secretary holds the post too
 * ("Kiêm", "BT kiêm", "(Bí thư kiêm nhiệm)").
 */

/** Forms of address that precede a name (compared after `foldKey`): comrade, Mr, Mrs, brother, sister. */
const HONORIFICS = ["đ/c", "đ/ c", "đc", "đ.c", "đồng chí", "ông", "bà", "anh", "chị"];
const HONORIFIC_PATTERN = new RegExp(
  `^(?:${HONORIFICS.map((h) => h.replace(/[./]/g, "\\$&").replace(/ /g, "\\s*")).join("|")})(?:\\s+|(?<=[/.])\\s*|(?<=[/.]c)(?=\\p{L})|:\\s*)`,
  "iu",
);

/**
 * The name without a leading form of address: "Đ/c Hoàng Văn E" → "Hoàng Văn E", also typed with
 * no space after "Đ/c" or "Đ.c" ("Đ/cHoàng Văn E"). A name of one
 * word after the form of address is kept whole ("Bà Hoa" may be a name).
 */
export function withoutHonorific(name: string): string {
  const trimmed = name.trim().normalize("NFC");
  const m = HONORIFIC_PATTERN.exec(trimmed);
  if (!m) return trimmed;
  const rest = trimmed.slice(m[0].length).trim();
  return rest.split(/\s+/).length >= 2 ? rest : trimmed;
}

/** Distinct names each person-key cache holds before it is emptied (names repeat enormously). */
const NAME_CACHE = 1 << 16;

/** The key two mentions of one person share: `nameKey` without a form of address. */
export const personKey: (name: string) => string = memoize(
  (name) => nameKey(withoutHonorific(name)),
  NAME_CACHE,
);

/** A looser key: also without diacritics ("Hoang Van D" = "Hoàng Văn D"). */
export const personLooseKey: (name: string) => string = memoize(
  (name) =>
    personKey(name)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d"),
  NAME_CACHE,
);

/**
 * How two names compare: the same person; probably the same ("diacritics": equal without
 * diacritics and one of them typed with none at all, "Hoang Van D" = "Hoàng Văn D"); probably
 * different ("marks": both typed with diacritics that differ, "Nguyễn Thị Hòa" ≠ "Nguyễn Thị Hoa",
 * "Hoàng Văn Đức" ≠ "Hoàng Văn Dục": different names, not a missing-marks typing); or different.
 */
export type NameMatch = "same" | "diacritics" | "marks" | "different";

export function compareNames(a: string, b: string): NameMatch {
  if (a === b || personKey(a) === personKey(b)) return "same";
  const looseA = personLooseKey(a);
  if (looseA === "" || looseA !== personLooseKey(b)) return "different";
  return looseA === personKey(a) || looseA === personKey(b) ? "diacritics" : "marks";
}

/** The keys of one name text: `personKey`, and `personLooseKey` once needed. */
interface NameKeys {
  readonly key: string;
  loose: string | null;
}

/** Numbers of person keys, their tables shared by the passes (`keyNumbering`). */
const personKeyNumbers = keyNumbering(personKey, NAME_CACHE);

/**
 * `personKey` and `compareNames` for one pass over a dataset: each distinct name text is looked up
 * once and its keys are kept for the pass (unbounded: a country's ~30,000 distinct name texts), so
 * a comparison costs two lookups instead of up to six in the shared bounded caches; the person
 * grouping numbers its names through it (`keyNumber`). The keys go with the pass; the numbers come
 * from tables shared by the passes (`keyNumbering`, bounded).
 */
export class PersonNames {
  private readonly keys = new Map<string, NameKeys>();
  /** Key numbers by name text, for this pass (`keyNumbering`). */
  private readonly numberOf = personKeyNumbers();

  private keysOf(name: string): NameKeys {
    let k = this.keys.get(name);
    if (k === undefined) {
      k = { key: personKey(name), loose: null };
      this.keys.set(name, k);
    }
    return k;
  }

  /** `personKey(name)`. */
  key(name: string): string {
    return this.keysOf(name).key;
  }

  /**
   * A number for `personKey(name)`: equal numbers, equal keys, for the life of this object. Asked
   * once per office-holder row without an ID: numbered by name text in tables shared by the passes
   * (`keyNumbering`), so a text met before costs one lookup and a new one no `NameKeys` object (the
   * grouping never compares names; making and keeping an object per distinct name cost more than
   * the lookups of all the rows).
   */
  keyNumber(name: string): number {
    return this.numberOf(name);
  }

  /** `compareNames(a, b)`. */
  compare(a: string, b: string): NameMatch {
    if (a === b) return "same";
    if (lastWordsDiffer(a, b)) return "different";
    const ka = this.keysOf(a);
    const kb = this.keysOf(b);
    if (ka.key === kb.key) return "same";
    const looseA = (ka.loose ??= personLooseKey(a));
    if (looseA === "" || looseA !== (kb.loose ??= personLooseKey(b))) return "different";
    return looseA === ka.key || looseA === kb.key ? "diacritics" : "marks";
  }
}

/**
 * True when the last words of two names end in different letters once folded ("… An" and "… Bích"):
 * then the names are surely "different" for `compareNames`, without computing a key. Sure because
 * a form of address is only ever cut from the front and never takes the last word (what is left
 * has at least two words), so the last word's letters end the folded text of the name without its
 * form of address; names with equal `personKey`s, or equal loose keys, fold to the same text (both
 * keys only change case, spaces, marks and đ, all of which folding drops or maps alike). Compares
 * the letters from the end while both last words have some; false (no answer) as soon as a
 * character is one that only the definition folds. Most pairs of different people end differently,
 * and this reads only the two texts: no cache lookup. (A property test compares with `compareNames`.)
 */
function lastWordsDiffer(a: string, b: string): boolean {
  // Two cursors read backwards, each giving its word's next folded letter: 0 at the start of the
  // word, -1 for a character only the definition folds. (Plain locals: no object per name read.)
  let i = endOfText(a);
  let j = endOfText(b);
  for (;;) {
    let la = 0;
    while (i >= 0) {
      const c = a.charCodeAt(i--);
      if (isWhiteSpaceCode(c)) {
        i = -1;
        break;
      }
      la = foldCodeOf(c);
      if (la !== 0) break;
    }
    let lb = 0;
    while (j >= 0) {
      const c = b.charCodeAt(j--);
      if (isWhiteSpaceCode(c)) {
        j = -1;
        break;
      }
      lb = foldCodeOf(c);
      if (lb !== 0) break;
    }
    if (la <= 0 || lb <= 0) return false;
    if (la !== lb) return true;
  }
}

/** The index of the last character that is not white space (as `trim` and `\s` see it), or -1. */
function endOfText(text: string): number {
  let i = text.length - 1;
  while (i >= 0 && isWhiteSpaceCode(text.charCodeAt(i))) i--;
  return i;
}

/** A ditto mark: the value of the row above ("nt", "như trên", `"`, `”`, "-nt-", "-//-", "〃"). */
export function isDitto(text: string): boolean {
  if (hasNonDittoLetter(text)) return false;
  const t = text.trim();
  if (t === "") return false;
  if (/^["“”„〃'`’]+$/.test(t) || /^[-–—]*\/\/[-–—]*$/.test(t)) return true;
  const folded = foldKey(t);
  return folded === "nt" || folded === "nhutren" || folded === "ditto";
}

/**
 * True when the text has an ASCII letter or digit that no ditto mark has: `foldKey` keeps every
 * ASCII letter and digit (lower-cased), and the folded marks ("nt", "nhutren", "ditto") and the
 * quote marks use only n, t, h, u, r, e, d, i, o. Rules out a name at its first such letter
 * ("Nguyễn" at its "g"), before any trimming or folding. (A property test compares.)
 */
function hasNonDittoLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 32; // ASCII upper case to lower case (other characters: no letter)
    if (c >= 97 && c <= 122) {
      if (DITTO_LETTERS[c - 97] === 0) return true;
    } else if (c >= 48 && c <= 57 && text.charCodeAt(i) === c) return true;
  }
  return false;
}

/** a–z: 1 for the letters of "nt", "nhutren", "ditto". */
const DITTO_LETTERS = Uint8Array.from("abcdefghijklmnopqrstuvwxyz", (l) => ("nthuredio".includes(l) ? 1 : 0));

/**
 * A note in a name column saying the secretary holds this post too: "Kiêm", "Kiêm nhiệm", "BT
 * kiêm", "Bí thư kiêm", "(Bí thư kiêm nhiệm)", "Đ/c Bí thư kiêm", "Bí thư chi bộ kiêm trưởng thôn".
 */
export function isSecretaryAlsoNote(text: string): boolean {
  if (text.length > 60) return false;
  // Every form has "kiem" or "kn": a name with no letter that folds to k is none (no folding).
  if (!mayFoldToLetter(text, "k")) return false;
  return /^(?:dc|dongchi)?(?:bt|btcb|bithu|bithuchibo)?(?:kiem|kn)(?:nhiem)?(?:tt|truongthon|truongban|truongbanctmt|truongbancongtacmattran)?$/.test(
    foldKey(text),
  );
}

/**
 * What a head or front-head cell may hold to say "the secretary": a "kiêm" note, or the
 * secretary's title alone ("Bí thư", "BT", "Bí thư chi bộ", "Đồng chí Bí thư", "Đ/c BT"). No one
 * is named "Bí thư", so a title there is never a name. Not for the secretary column itself.
 */
export function isSecretaryReference(text: string): boolean {
  if (isSecretaryAlsoNote(text)) return true;
  if (text.length > 40) return false;
  // Every title has a b ("bt", "bithu"): a name with no letter that folds to b is none.
  if (!mayFoldToLetter(text, "b")) return false;
  return /^(?:dc|dongchi)?(?:bt|btcb|bithu|bithuchibo)$/.test(foldKey(text));
}
