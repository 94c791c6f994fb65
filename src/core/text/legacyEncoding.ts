/**
 * The legacy Vietnamese encodings still found in offices' workbooks, and their conversion to Unicode.
 *
 * Before Unicode (TCVN 6909:2001) Vietnamese was typed with 8-bit fonts. Excel stores each byte as
 * the Windows-1252 character of that code, so a cell that shows "Thôn" in a .VnTime font holds
 * "Th«n", and one that shows "Lạng Sơn" in a VNI-Times font holds "Laïng Sôn".
 *
 * - **TCVN3** (TCVN 5712:1993, the "ABC" character set, table VN3; fonts .VnTime, .VnArial…): one
 *   byte per letter. Lower-case letters with every diacritic and the capitals Ă Â Ê Ô Ơ Ư Đ have
 *   codes; capitals with a tone mark do not (.VnTimeH fonts draw the lower-case codes as capitals),
 *   so a TCVN3 text converts to lower-case toned letters there. Names are compared case-blind, so
 *   no figure depends on it.
 * - **VNI** (VNI-Times, VNI-Helve…): a base letter followed by one or two mark characters
 *   ("a" + "ø" = à, "o" + "â" = ô, "a" + "ë" = ặ); ơ, ư, đ and i with a tone are single characters.
 *
 * Both use the Latin-1 characters that Unicode Vietnamese also uses (à, é, ô…), so detection works
 * on evidence: characters that Unicode Vietnamese never contains, and a decoded text made of
 * Vietnamese syllables. Pure functions, no tables outside this file.
 */

export type LegacyEncoding = "tcvn3" | "vni";

/** The encoding's name as clerks know it, for messages. */
export const LEGACY_ENCODING_LABEL: Readonly<Record<LegacyEncoding, string>> = {
  tcvn3: "TCVN3 (.VnTime)",
  vni: "VNI (VNI-Times)",
};

// ---- TCVN3 (VN3) ---------------------------------------------------------------------------

/** TCVN3 code → Unicode letter (codes 0xA1–0xFE; the others are ASCII or unused). */
const TCVN3_CODES: readonly (readonly [number, string])[] = [
  [0xa1, "Ă"], [0xa2, "Â"], [0xa3, "Ê"], [0xa4, "Ô"], [0xa5, "Ơ"], [0xa6, "Ư"], [0xa7, "Đ"],
  [0xa8, "ă"], [0xa9, "â"], [0xaa, "ê"], [0xab, "ô"], [0xac, "ơ"], [0xad, "ư"], [0xae, "đ"],
  [0xb5, "à"], [0xb6, "ả"], [0xb7, "ã"], [0xb8, "á"], [0xb9, "ạ"],
  [0xbb, "ằ"], [0xbc, "ẳ"], [0xbd, "ẵ"], [0xbe, "ắ"], [0xc6, "ặ"],
  [0xc7, "ầ"], [0xc8, "ẩ"], [0xc9, "ẫ"], [0xca, "ấ"], [0xcb, "ậ"],
  [0xcc, "è"], [0xce, "ẻ"], [0xcf, "ẽ"], [0xd0, "é"], [0xd1, "ẹ"],
  [0xd2, "ề"], [0xd3, "ể"], [0xd4, "ễ"], [0xd5, "ế"], [0xd6, "ệ"],
  [0xd7, "ì"], [0xd8, "ỉ"], [0xdc, "ĩ"], [0xdd, "í"], [0xde, "ị"],
  [0xdf, "ò"], [0xe1, "ỏ"], [0xe2, "õ"], [0xe3, "ó"], [0xe4, "ọ"],
  [0xe5, "ồ"], [0xe6, "ổ"], [0xe7, "ỗ"], [0xe8, "ố"], [0xe9, "ộ"],
  [0xea, "ờ"], [0xeb, "ở"], [0xec, "ỡ"], [0xed, "ớ"], [0xee, "ợ"],
  [0xef, "ù"], [0xf1, "ủ"], [0xf2, "ũ"], [0xf3, "ú"], [0xf4, "ụ"],
  [0xf5, "ừ"], [0xf6, "ử"], [0xf7, "ữ"], [0xf8, "ứ"], [0xf9, "ự"],
  [0xfa, "ỳ"], [0xfb, "ỷ"], [0xfc, "ỹ"], [0xfd, "ý"], [0xfe, "ỵ"],
]; // prettier-ignore

const TCVN3_DECODE: (string | undefined)[] = new Array(256);
const TCVN3_ENCODE = new Map<string, string>();
for (const [code, letter] of TCVN3_CODES) {
  TCVN3_DECODE[code] = letter;
  TCVN3_ENCODE.set(letter, String.fromCharCode(code));
}

/** The Latin-1 letters Unicode Vietnamese uses itself: no evidence of a legacy encoding. */
const UNICODE_LATIN1 = new Set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ");

/** Per code below 256: 1 = a TCVN3 letter Unicode Vietnamese never holds (evidence). */
const TCVN3_EVIDENCE = new Uint8Array(256);
for (const [code] of TCVN3_CODES) {
  if (!UNICODE_LATIN1.has(String.fromCharCode(code))) TCVN3_EVIDENCE[code] = 1;
}

/** Converts TCVN3 text to Unicode (NFC). Characters outside the table are kept. */
export function decodeTcvn3(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += (c < 256 ? TCVN3_DECODE[c] : undefined) ?? text[i];
  }
  return out;
}

/**
 * Unicode → TCVN3, as a .VnTime font would have stored it (for tests and the round-trip
 * properties). Capitals with a tone mark have no TCVN3 code and become the lower-case code.
 */
export function encodeTcvn3(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const direct = TCVN3_ENCODE.get(ch);
    if (direct !== undefined) out += direct;
    else {
      const lower = ch.toLowerCase();
      out += lower !== ch && /[\u0080-\uffff]/.test(ch) ? (TCVN3_ENCODE.get(lower) ?? ch) : ch;
    }
  }
  return out;
}

// ---- VNI --------------------------------------------------------------------------------------

type Tone = "" | "grave" | "acute" | "hook" | "tilde" | "dot";
const TONES: readonly Tone[] = ["", "grave", "acute", "hook", "tilde", "dot"];
const COMBINING_TONE: Readonly<Record<Tone, string>> = {
  "": "",
  grave: "\u0300",
  acute: "\u0301",
  hook: "\u0309",
  tilde: "\u0303",
  dot: "\u0323",
};

/** VNI mark characters, lower-case form (capitals use the upper-case Latin-1 letter). */
const VNI_TONE: Readonly<Record<Exclude<Tone, "">, string>> = {
  grave: "ø",
  acute: "ù",
  hook: "û",
  tilde: "õ",
  dot: "ï",
};
/** Circumflex (â, ê, ô) without and with each tone. */
const VNI_CIRCUMFLEX: Readonly<Record<Tone, string>> = {
  "": "â",
  grave: "à",
  acute: "á",
  hook: "å",
  tilde: "ã",
  dot: "ä",
};
/** Breve (ă) without and with each tone. */
const VNI_BREVE: Readonly<Record<Tone, string>> = {
  "": "ê",
  grave: "è",
  acute: "é",
  hook: "ú",
  tilde: "ü",
  dot: "ë",
};
/** i with a tone is one character. */
const VNI_I: Readonly<Record<Exclude<Tone, "">, string>> = {
  grave: "ì",
  acute: "í",
  hook: "æ",
  tilde: "ó",
  dot: "ò",
};

/** Single VNI characters: ơ, ư, đ, ỵ and i with a tone (lower case; capitals by upper-casing both). */
const VNI_SINGLE = new Map<string, string>([
  ["ô", "ơ"],
  ["ö", "ư"],
  ["ñ", "đ"],
  ["î", "ỵ"],
  ...(Object.entries(VNI_I) as [Exclude<Tone, "">, string][]).map(([tone, ch]): [string, string] => [
    ch,
    ("i" + COMBINING_TONE[tone]).normalize("NFC"),
  ]),
]);
for (const [k, v] of [...VNI_SINGLE]) VNI_SINGLE.set(k.toUpperCase(), v.toUpperCase());

const toneOfMark = new Map<string, Tone>();
const circumflexOfMark = new Map<string, Tone>();
const breveOfMark = new Map<string, Tone>();
for (const tone of TONES) {
  if (tone) {
    toneOfMark.set(VNI_TONE[tone], tone);
    toneOfMark.set(VNI_TONE[tone].toUpperCase(), tone);
  }
  circumflexOfMark.set(VNI_CIRCUMFLEX[tone], tone);
  circumflexOfMark.set(VNI_CIRCUMFLEX[tone].toUpperCase(), tone);
  breveOfMark.set(VNI_BREVE[tone], tone);
  breveOfMark.set(VNI_BREVE[tone].toUpperCase(), tone);
}

/**
 * VNI characters Unicode Vietnamese never holds (evidence), and the pairs of a vowel and a mark it
 * never has after it in Unicode ("oâ", "eã", "aê"; not "oà", which is Hoà in the old placement).
 */
const VNI_EVIDENCE = new Set([..."øûïöñåäëüæîØÛÏÖÑÅÄËÜÆÎ"]);

/**
 * Per code below 256: non-zero when the character is evidence of a legacy encoding (1: TCVN3,
 * 2: VNI), for scanners that look at every cell of a sheet.
 */
export const LEGACY_EVIDENCE_CODES = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  LEGACY_EVIDENCE_CODES[c] = TCVN3_EVIDENCE[c] | (VNI_EVIDENCE.has(String.fromCharCode(c)) ? 2 : 0);
}
const VNI_EVIDENCE_PAIR = /[aeoAEO][âÂ]|[aeAE][àáãÀÁÃ]|[aA][êèéúÊÈÉÚ]/;

/**
 * The same pairs as bits, for scanners: `VNI_PAIR_MARK[mark] & VNI_PAIR_VOWEL[previous]` is
 * non-zero for a pair that is evidence (both indexed by char code below 256).
 */
export const VNI_PAIR_MARK = new Uint8Array(256);
export const VNI_PAIR_VOWEL = new Uint8Array(256);
for (const ch of "âÂ") VNI_PAIR_MARK[ch.charCodeAt(0)] = 1;
for (const ch of "àáãÀÁÃ") VNI_PAIR_MARK[ch.charCodeAt(0)] = 2;
for (const ch of "êèéúÊÈÉÚ") VNI_PAIR_MARK[ch.charCodeAt(0)] = 4;
for (const ch of "aA") VNI_PAIR_VOWEL[ch.charCodeAt(0)] = 7;
for (const ch of "eE") VNI_PAIR_VOWEL[ch.charCodeAt(0)] = 3;
for (const ch of "oO") VNI_PAIR_VOWEL[ch.charCodeAt(0)] = 1;

/** True when the text has a vowel followed by a VNI mark Unicode never puts there ("oâ", "aê"). */
export function hasVniEvidencePair(text: string): boolean {
  return VNI_EVIDENCE_PAIR.test(text);
}

const withTone = (base: string, tone: Tone): string => (base + COMBINING_TONE[tone]).normalize("NFC");

/** Converts VNI text to Unicode (NFC). Marks that follow no letter they can go with are kept. */
export function decodeVni(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    let ch = text[i];
    const single = VNI_SINGLE.get(ch);
    if (single !== undefined) ch = single;
    const lower = ch.toLowerCase();
    const next = text[i + 1];
    if (next === undefined || !"aeouyơư".includes(lower) || (single !== undefined && !"ơư".includes(lower))) {
      out += ch;
      continue;
    }
    const upper = ch !== lower;
    const fix = (s: string): string => (upper ? s.toUpperCase() : s);
    const circumflex = circumflexOfMark.get(next);
    const breve = breveOfMark.get(next);
    const tone = toneOfMark.get(next);
    if (circumflex !== undefined && "aeo".includes(lower)) {
      out += fix(withTone(lower + "\u0302", circumflex));
      i++;
    } else if (breve !== undefined && lower === "a") {
      out += fix(withTone("a\u0306", breve));
      i++;
    } else if (tone !== undefined) {
      out += fix(withTone(lower, tone));
      i++;
    } else out += ch;
  }
  return out.normalize("NFC");
}

/** Unicode → VNI, as a VNI-Times font would have stored it (for tests and the round-trip properties). */
export function encodeVni(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const lower = ch.toLowerCase();
    const upper = ch !== lower;
    const fix = (s: string): string => (upper ? s.toUpperCase() : s);
    const parts = lower.normalize("NFD");
    const base = parts[0];
    if (parts.length === 1 && !"đ".includes(lower)) {
      out += ch;
      continue;
    }
    if (lower === "đ") {
      out += fix("ñ");
      continue;
    }
    let tone: Tone = "";
    let shape: "" | "circumflex" | "breve" | "horn" = "";
    for (const mark of parts.slice(1)) {
      if (mark === "\u0302") shape = "circumflex";
      else if (mark === "\u0306") shape = "breve";
      else if (mark === "\u031b") shape = "horn";
      else {
        const t = TONES.find((x) => x && COMBINING_TONE[x] === mark);
        if (!t) {
          out += ch; // not a Vietnamese letter: kept as it is
          tone = "";
          shape = "";
          break;
        }
        tone = t;
      }
    }
    if (!"aeiouy".includes(base)) {
      out += ch;
      continue;
    }
    if (shape === "circumflex") out += fix(base + VNI_CIRCUMFLEX[tone]);
    else if (shape === "breve") out += fix(base + VNI_BREVE[tone]);
    else if (shape === "horn") out += fix((base === "o" ? "ô" : "ö") + (tone ? VNI_TONE[tone] : ""));
    else if (base === "i" && tone) out += fix(VNI_I[tone]);
    else if (base === "y" && tone === "dot") out += fix("î");
    else out += fix(base + (tone ? VNI_TONE[tone] : ""));
  }
  return out;
}

// ---- Detection ------------------------------------------------------------------------------

/** What a text says about its encoding. */
export type TextEvidence =
  /** Only ASCII (or nothing a legacy encoding would change): the same in every encoding. */
  | "plain"
  /** Holds a Vietnamese letter beyond Latin-1 (ă, ơ, ư, đ, ạ…) or another character above U+00FF. */
  | "unicode"
  /** Latin-1 letters only, none of them evidence of either encoding ("Thôn", "Xã", "Bé"). */
  | "ambiguous"
  /** Evidence of a legacy encoding (which one: `legacyEvidence`). */
  | "legacy";

/** A fast look at a text's characters (no allocation). */
export function textEvidence(text: string): TextEvidence {
  let latin1 = false;
  let legacy = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xa0) continue;
    if (c > 0xff) return "unicode";
    latin1 = true;
    if (TCVN3_EVIDENCE[c] === 1 || VNI_EVIDENCE.has(text[i])) legacy = true;
  }
  if (legacy || (latin1 && VNI_EVIDENCE_PAIR.test(text))) return "legacy";
  return latin1 ? "ambiguous" : "plain";
}

/**
 * The legacy encodings a text is evidence of: it holds, inside a word, a character (or VNI pair)
 * of that encoding that Unicode Vietnamese never holds, and decoded it reads as Vietnamese syllables (so "Müller",
 * "naïve", "© 2024" or « quotes » are evidence of nothing).
 */
export function legacyEvidence(text: string): LegacyEncoding[] {
  const found: LegacyEncoding[] = [];
  let tcvn3 = false;
  let vni = VNI_EVIDENCE_PAIR.test(text);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return [];
    // Evidence is a character inside a word ("Th«n", "X·"): a lone « or § is punctuation.
    if (c >= 0xa0 && (inWord(text.charCodeAt(i - 1)) || inWord(text.charCodeAt(i + 1)))) {
      if (TCVN3_EVIDENCE[c] === 1) tcvn3 = true;
      if (VNI_EVIDENCE.has(text[i])) vni = true;
    }
  }
  if (tcvn3 && readsAsVietnamese(decodeTcvn3(text), true)) found.push("tcvn3");
  if (vni && readsAsVietnamese(decodeVni(text), true)) found.push("vni");
  return found;
}

/** A letter, or a Latin-1 character that a legacy encoding uses for one (NaN, outside the text: no). */
function inWord(c: number): boolean {
  return (
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xa1 && c <= 0xff && c !== 0xd7 && c !== 0xf7)
  );
}

/** Decodes text in the given legacy encoding. */
export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  return encoding === "tcvn3" ? decodeTcvn3(text) : decodeVni(text);
}

/**
 * True when every word of a decoded text that has a letter outside ASCII is a Vietnamese syllable
 * (or an abbreviation: one letter, or capitals with Đ),
 * and (when `needWord`) at least one such word has two letters or more. Characters left over from
 * a wrong decoding (« » § ©) are not letters a syllable has, so such text fails.
 */
export function readsAsVietnamese(decoded: string, needWord: boolean): boolean {
  let word = false;
  for (const w of decoded.split(/[\s\d.,;:!?()[\]{}"'“”‘’/\\+=*&%$#@^|<>~`_-]+/)) {
    if (w === "" || !/[\u0080-\uffff]/.test(w)) continue;
    // One letter ("Đ/c") and capitals with Đ (HĐND, BTĐU) are abbreviations, not syllables.
    if (w.length > 1 && !isVietnameseSyllable(w) && !/^[A-ZĐ]+$/.test(w)) return false;
    if (w.length >= 2) word = true;
  }
  return word || !needWord;
}

const INITIALS = [
  "ngh",
  "ng",
  "gh",
  "gi",
  "kh",
  "nh",
  "ph",
  "qu",
  "th",
  "tr",
  "ch",
  ..."bcdđghklmnprstvx",
  "",
];
const NUCLEI_FREE = [..."aăâeêioôơuưy", ..."iê oa oă oe oo uâ uê uô uơ ươ uy yê".split(" "), "uyê"];
/** Nuclei that end in a glide and take no final consonant. */
const NUCLEI_OPEN =
  "ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưa ưi ưu ua iêu yêu oai oay oeo uôi ươi ươu uya uây uyu".split(
    " ",
  );
const FINALS = ["ch", "nh", "ng", "c", "m", "n", "p", "t", ""];

const syllableCache = new Map<string, boolean>();

/** True for one Vietnamese syllable (any case, any tone): initial consonant, vowel nucleus, final. */
export function isVietnameseSyllable(word: string): boolean {
  const cached = syllableCache.get(word);
  if (cached !== undefined) return cached;
  const toneless = word
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, "")
    .normalize("NFC");
  // At most one tone mark in a syllable.
  const tones = (word.normalize("NFD").match(/[\u0300\u0301\u0303\u0309\u0323]/g) ?? []).length;
  const valid = tones <= 1 && parsesAsSyllable(toneless);
  if (syllableCache.size > 4096) syllableCache.clear();
  syllableCache.set(word, valid);
  return valid;
}

function parsesAsSyllable(s: string): boolean {
  for (const initial of INITIALS) {
    if (!s.startsWith(initial)) continue;
    const rest = s.slice(initial.length);
    for (const nucleus of NUCLEI_OPEN) if (rest === nucleus) return true;
    for (const nucleus of NUCLEI_FREE) {
      if (!rest.startsWith(nucleus)) continue;
      const final = rest.slice(nucleus.length);
      if (FINALS.includes(final)) return true;
    }
  }
  return false;
}
